/* SHA256_Init/Update/Final are deprecated in OpenSSL 3 in favour of the EVP interfaces, but
   remain; the kernel uses them because EVP's provider machinery costs about 1.3 MiB of
   resident memory (see MessageSigner.swift). */
#define OPENSSL_SUPPRESS_DEPRECATED
#include <openssl/sha.h>
#include <openssl/crypto.h>
#include <openssl/hmac.h>
#include <openssl/evp.h>
