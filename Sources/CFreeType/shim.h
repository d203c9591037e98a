#include <ft2build.h>
#include FT_FREETYPE_H

// The FreeType functions FeatureMapRender resolves with dlsym.
typedef FT_Error (*cnnlab_ft_init_function)(FT_Library *library);
typedef FT_Error (*cnnlab_ft_new_face_function)(FT_Library library, const char *path, FT_Long index, FT_Face *face);
typedef FT_Error (*cnnlab_ft_set_pixel_sizes_function)(FT_Face face, FT_UInt width, FT_UInt height);
typedef FT_UInt (*cnnlab_ft_get_char_index_function)(FT_Face face, FT_ULong code);
typedef FT_Error (*cnnlab_ft_load_char_function)(FT_Face face, FT_ULong code, FT_Int32 flags);
