"""Cells as learners copy them from Keras and numpy tutorials, run through the kernel.

Sources (each cell names its own):
- keras-mnist: Keras's example "Simple MNIST convnet" (keras.io, examples/vision/mnist_convnet)
- tf-cnn: TensorFlow's tutorial "Convolutional Neural Network (CNN)" (tensorflow.org, tutorials/images/cnn)
- d2l-lenet: Dive into Deep Learning, chapter "Convolutional Neural Networks (LeNet)", TensorFlow version
- numpy-basics: NumPy's "the absolute basics for beginners" (numpy.org user guide)
- chapters: the code of the Korean CNN course the notebooks follow (its MNIST cells, Conv2D's
  arguments, pooling and the classic networks)

Every cell has its expected output or error. A cell marked `offline` loads a data set that
cannot exist on a machine without the network (MNIST, CIFAR-10): it is the clear error stated
here, which says what to put where. A cell marked `standin` is not from a tutorial: it puts
small built-in data where such a cell would have loaded its data set. Of the other cells, at
least 90% must run unchanged, and each one that does not must fail with an error that says
what to write instead.
"""
import re

import pytest

from conftest import run_cell

OK, ERROR = "ok", "error"

CELLS = [
    # --- keras-mnist ---------------------------------------------------------------------
    dict(source="keras-mnist", code="import numpy as np\nimport keras\nfrom keras import layers", expect=OK),
    dict(source="keras-mnist", code="num_classes = 10\ninput_shape = (28, 28, 1)", expect=OK),
    dict(source="keras-mnist", offline=True,
         code="(x_train, y_train), (x_test, y_test) = keras.datasets.mnist.load_data()",
         expect=(ERROR, "ValueError", "MNIST is not on this computer")),
    dict(source="standin", code="x_train, y_train = digits(64, seed=0)\nx_test, y_test = digits(16, seed=1)\n"
         "x_train, x_test = x_train[..., 0], x_test[..., 0]", expect=OK),
    dict(source="keras-mnist", code='x_train = x_train.astype("float32") / 255\nx_test = x_test.astype("float32") / 255',
         expect=OK),
    dict(source="keras-mnist", code='x_train = np.expand_dims(x_train, -1)\nx_test = np.expand_dims(x_test, -1)\n'
         'print("x_train shape:", x_train.shape)\nprint(x_train.shape[0], "train samples")\n'
         'print(x_test.shape[0], "test samples")',
         expect=(OK, "x_train shape: (64, 28, 28, 1)\n64 train samples\n16 test samples\n")),
    dict(source="keras-mnist", code="y_train = keras.utils.to_categorical(y_train, num_classes)\n"
         "y_test = keras.utils.to_categorical(y_test, num_classes)\nprint(y_train.shape, y_test.shape)",
         expect=(OK, "(64, 10) (16, 10)\n")),
    dict(source="keras-mnist", code='model = keras.Sequential(\n    [\n        keras.Input(shape=input_shape),\n'
         '        layers.Conv2D(32, kernel_size=(3, 3), activation="relu"),\n'
         '        layers.MaxPooling2D(pool_size=(2, 2)),\n'
         '        layers.Conv2D(64, kernel_size=(3, 3), activation="relu"),\n'
         '        layers.MaxPooling2D(pool_size=(2, 2)),\n        layers.Flatten(),\n'
         '        layers.Dropout(0.5),\n        layers.Dense(num_classes, activation="softmax"),\n    ]\n)\n\n'
         'model.summary()',
         expect=(OK, re.compile(r"Total params: 34,826"))),
    dict(source="keras-mnist", pending=True, code='batch_size = 128\nepochs = 15\n\n'
         'model.compile(loss="categorical_crossentropy", optimizer="adam", metrics=["accuracy"])\n\n'
         'model.fit(x_train, y_train, batch_size=batch_size, epochs=epochs, validation_split=0.1)',
         expect=OK),
    dict(source="keras-mnist", pending=True, code='score = model.evaluate(x_test, y_test, verbose=0)\n'
         'print("Test loss:", score[0])\nprint("Test accuracy:", score[1])',
         expect=(OK, re.compile(r"^Test loss: [0-9.]+\nTest accuracy: [0-9.]+\n$"))),
    dict(source="keras-mnist", code="probabilities = model.predict(x_test)\nprint(probabilities.shape)",
         expect=(OK, "(16, 10)\n")),
    dict(source="keras-mnist", code="predictions = np.argmax(probabilities, axis=1)\n"
         "accuracy = np.mean(predictions == np.argmax(y_test, axis=1))\nprint(0 <= accuracy <= 1)",
         expect=(OK, "True\n")),
    # --- tf-cnn --------------------------------------------------------------------------
    dict(source="tf-cnn", code="import tensorflow as tf\n\nfrom tensorflow.keras import datasets, layers, models\n"
         "import matplotlib.pyplot as plt", expect=OK),
    dict(source="tf-cnn", offline=True,
         code="(train_images, train_labels), (test_images, test_labels) = datasets.cifar10.load_data()\n\n"
         "# Normalize pixel values to be between 0 and 1\n"
         "train_images, test_images = train_images / 255.0, test_images / 255.0",
         expect=(ERROR, "ImportError", "tensorflow.keras.datasets.cifar10 is not in CNN Lab")),
    dict(source="standin", code="train_images = random((25, 32, 32, 3), seed=0) * 255\n"
         "test_images = random((4, 32, 32, 3), seed=1) * 255\n"
         "train_labels = reshape(arange(25) % 10, (25, 1))\ntest_labels = tensor([[3], [8], [8], [0]])", expect=OK),
    dict(source="tf-cnn", code="train_images, test_images = train_images / 255.0, test_images / 255.0", expect=OK),
    dict(source="tf-cnn", code="class_names = ['airplane', 'automobile', 'bird', 'cat', 'deer',\n"
         "               'dog', 'frog', 'horse', 'ship', 'truck']", expect=OK),
    dict(source="tf-cnn", code="plt.figure(figsize=(10,10))\nfor i in range(25):\n    plt.subplot(5,5,i+1)\n"
         "    plt.xticks([])\n    plt.yticks([])\n    plt.grid(False)\n    plt.imshow(train_images[i])\n"
         "    # The CIFAR labels happen to be arrays, \n    # which is why you need the extra index\n"
         "    plt.xlabel(class_names[train_labels[i][0]])\nplt.show()", expect=(OK, None, 25)),
    dict(source="tf-cnn", code="model = models.Sequential()\n"
         "model.add(layers.Conv2D(32, (3, 3), activation='relu', input_shape=(32, 32, 3)))\n"
         "model.add(layers.MaxPooling2D((2, 2)))\nmodel.add(layers.Conv2D(64, (3, 3), activation='relu'))\n"
         "model.add(layers.MaxPooling2D((2, 2)))\nmodel.add(layers.Conv2D(64, (3, 3), activation='relu'))", expect=OK),
    dict(source="tf-cnn", code="model.summary()", expect=(OK, re.compile(r"Total params: 56,320"))),
    dict(source="tf-cnn", code="model.add(layers.Flatten())\nmodel.add(layers.Dense(64, activation='relu'))\n"
         "model.add(layers.Dense(10))", expect=OK),
    dict(source="tf-cnn", code="model.summary()", expect=(OK, re.compile(r"Total params: 122,570"))),
    dict(source="tf-cnn", pending=True, code="model.compile(optimizer='adam',\n"
         "              loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True),\n"
         "              metrics=['accuracy'])\n\nhistory = model.fit(train_images, train_labels, epochs=10, \n"
         "                    validation_data=(test_images, test_labels))",
         expect=OK),
    dict(source="tf-cnn", code="plt.plot(history.history['accuracy'], label='accuracy')",
         expect=(ERROR, "ImportError", "matplotlib.pyplot.plot is not in CNN Lab: CNN Lab draws pictures, not line charts")),
    dict(source="tf-cnn",
         code="test_loss, test_acc = model.evaluate(test_images,  test_labels, verbose=2)\nprint(0 <= test_acc <= 1)",
         expect=(OK, re.compile(r"True\n$"))),
    dict(source="tf-cnn", code="print(model.layers[0].filters, model.layers[0].kernel_size, model.layers[-1].units)",
         expect=(OK, "32 (3, 3) 10\n")),
    dict(source="tf-cnn", code="predictions = model.predict(test_images)\nprint(predictions.shape, np.argmax(predictions[0]) < 10)",
         expect=(OK, "(4, 10) True\n")),
    # --- d2l-lenet -----------------------------------------------------------------------
    dict(source="d2l-lenet", code="import tensorflow as tf\nfrom d2l import tensorflow as d2l",
         expect=(ERROR, "ImportError", "CNN Lab has no module 'd2l': the layers and models are built in")),
    dict(source="d2l-lenet", code="def net():\n    return tf.keras.models.Sequential([\n"
         "        tf.keras.layers.Conv2D(filters=6, kernel_size=5, activation='sigmoid',\n"
         "                               padding='same'),\n"
         "        tf.keras.layers.AvgPool2D(pool_size=2, strides=2),\n"
         "        tf.keras.layers.Conv2D(filters=16, kernel_size=5,\n"
         "                               activation='sigmoid'),\n"
         "        tf.keras.layers.AvgPool2D(pool_size=2, strides=2),\n        tf.keras.layers.Flatten(),\n"
         "        tf.keras.layers.Dense(120, activation='sigmoid'),\n"
         "        tf.keras.layers.Dense(84, activation='sigmoid'),\n        tf.keras.layers.Dense(10)])", expect=OK),
    dict(source="d2l-lenet", code="X = tf.random.uniform((1, 28, 28, 1))\nfor layer in net().layers:\n"
         "    X = layer(X)\n    print(layer.__class__.__name__, 'output shape: \\t', X.shape)",
         expect=(ERROR, "TypeError", "a layer has no attribute '__class__'"), hint="type(x) names a value's type"),
    dict(source="d2l-lenet", code="X = tf.random.uniform((1, 28, 28, 1))\nfor layer in net().layers:\n"
         "    X = layer(X)\n    print(layer.name, 'output shape: \\t', X.shape)",
         expect=(ERROR, "ShapeError", "for a batch of vectors (N, n), call a Sequential model on the batch")),
    dict(source="d2l-lenet", code="X = tf.random.uniform((1, 28, 28, 1))\nlenet = net()\nlenet(X)\nfor layer in lenet.layers:\n"
         "    print(layer.name, 'output shape: \\t', layer.output.shape)",
         expect=(OK, re.compile(r"conv2d\S* output shape: \t \(1, 28, 28, 6\)\n.*\(1, 10\)\n", re.S))),
    dict(source="d2l-lenet", code="lenet = net()\nlenet(tf.zeros((1, 28, 28, 1)))\nprint(lenet.count_params())",
         expect=(OK, "61706\n")),
    dict(source="d2l-lenet", code="lr, num_epochs = 0.9, 10\n"
         "lenet.compile(optimizer=tf.keras.optimizers.SGD(learning_rate=lr), "
         "loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True), metrics=['accuracy'])",
         expect=OK),
    # --- numpy-basics --------------------------------------------------------------------
    dict(source="numpy-basics", code="import numpy as np\na = np.array([1, 2, 3, 4, 5, 6])\na",
         expect=(OK, "tensor of shape (6,)\n[1, 2, 3, 4, 5, 6]")),
    dict(source="numpy-basics", code="a = np.array([[1, 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])\nprint(a[0])\nprint(a[1, 3])",
         expect=(OK, "tensor([1, 2, 3, 4])\n8\n")),
    dict(source="numpy-basics", code="print(a.ndim, a.shape, a.size, a.dtype)", expect=(OK, "2 (3, 4) 12 float32\n")),
    dict(source="numpy-basics", code="np.zeros(2)", expect=(OK, "tensor of shape (2,)\n[0, 0]")),
    dict(source="numpy-basics", code="np.ones(2)", expect=(OK, "tensor of shape (2,)\n[1, 1]")),
    dict(source="numpy-basics", code="np.arange(2, 9, 2)", expect=(OK, "tensor of shape (4,)\n[2, 4, 6, 8]")),
    dict(source="numpy-basics", code="a = np.arange(6)\nb = a.reshape(3, 2)\nprint(b.shape, b[2, 1])",
         expect=(OK, "(3, 2) 5\n")),
    dict(source="numpy-basics", code="a = np.array([1, 2, 3, 4, 5, 6])\na2 = a[np.newaxis, :]\nprint(a2.shape)\n"
         "row_vector = a[np.newaxis, :]\ncol_vector = a[:, np.newaxis]\nprint(row_vector.shape, col_vector.shape)",
         expect=(OK, "(1, 6)\n(1, 6) (6, 1)\n")),
    dict(source="numpy-basics", code="b = np.expand_dims(a, axis=1)\nc = np.expand_dims(a, axis=0)\nprint(b.shape, c.shape)",
         expect=(OK, "(6, 1) (1, 6)\n")),
    dict(source="numpy-basics", code="a = np.array([[1 , 2, 3, 4], [5, 6, 7, 8], [9, 10, 11, 12]])\nprint(a[a < 5])",
         expect=(OK, "tensor([1, 2, 3, 4])\n")),
    dict(source="numpy-basics", code="five_up = (a >= 5)\nprint(a[five_up])\ndivisible_by_2 = a[a%2==0]\nprint(divisible_by_2)",
         expect=(OK, "tensor([ 5,  6,  7,  8,  9, 10, 11, 12])\ntensor([ 2,  4,  6,  8, 10, 12])\n")),
    dict(source="numpy-basics", code="c = a[(a > 2) & (a < 11)]\nprint(c)",
         expect=(OK, "tensor([ 3,  4,  5,  6,  7,  8,  9, 10])\n")),
    dict(source="numpy-basics", code="five_up = (a > 5) | (a == 5)\nprint(five_up.sum(), (~five_up).sum())",
         expect=(OK, "8 4\n")),
    dict(source="numpy-basics", code="data = np.array([1, 2])\nones = np.ones(2)\nprint((data + ones).tolist(), "
         "(data - ones).tolist(), (data * data).tolist(), (data / data).tolist())",
         expect=(OK, "[2, 3] [0, 1] [1, 4] [1, 1]\n")),
    dict(source="numpy-basics", code="a = np.array([1, 2, 3, 4])\nprint(a.sum())\nb = np.array([[1, 1], [2, 2]])\n"
         "print(b.sum(axis=0).tolist(), b.sum(axis=1).tolist())", expect=(OK, "10\n[3, 3] [2, 4]\n")),
    dict(source="numpy-basics", code="data = np.array([1.0, 2.0])\nprint((data * 1.6).tolist())",
         expect=(OK, "[1.6, 3.2]\n")),
    dict(source="numpy-basics", code="print(data.max(), data.min(), data.sum())", expect=(OK, "2 1 3\n")),
    dict(source="numpy-basics", code="a = np.array([[0.45053314, 0.17296777, 0.34376245, 0.5510652],\n"
         "              [0.54627315, 0.05093587, 0.40067661, 0.55645993],\n"
         "              [0.12697628, 0.82485143, 0.26590556, 0.56917101]])\n"
         "print(a.min(axis=0).tolist(), a.argmax())",
         expect=(OK, "[0.12697628, 0.05093587, 0.26590556, 0.5510652] 9\n")),
    dict(source="numpy-basics", code="arr = np.arange(6).reshape((2, 3))\nprint(arr.transpose().shape, arr.T.shape)",
         expect=(OK, "(3, 2) (3, 2)\n")),
    dict(source="numpy-basics", code="x = np.array([[1, 2], [3, 4]])\nprint(x.flatten().tolist(), np.mean(x), np.std(x))",
         expect=(OK, "[1, 2, 3, 4] 2.5 1.118034\n")),
    dict(source="numpy-basics", code="print(np.array_equal(x, [[1, 2], [3, 4]]), np.allclose(x / 3 * 3, x), (x == 2).any(), (x > 0).all(axis=0).tolist())",
         expect=(OK, "True True True [True, True]\n")),
    # --- chapters ------------------------------------------------------------------------
    dict(source="chapters", code="import pandas as pd\nimport tensorflow as tf",
         expect=(ERROR, "ImportError", "CNN Lab has no module 'pandas': show(x) draws a small 2-D tensor")),
    dict(source="chapters", code="mnist = tf.keras.datasets.mnist", expect=OK),
    dict(source="chapters", offline=True,
         code="(x_train, y_train), (x_test, y_test) = mnist.load_data()\nx_train, x_test = x_train / 255.0, x_test / 255.0",
         expect=(ERROR, "ValueError", "MNIST is not on this computer")),
    dict(source="chapters", code="fashion = tf.keras.datasets.fashion_mnist\n"
         "(f_train, g_train), (f_test, g_test) = fashion.load_data()\nprint(f_train.shape, g_test.shape)",
         expect=(OK, "(60000, 28, 28) (10000,)\n")),
    dict(source="standin", code="(x_train, y_train), (x_test, y_test) = digits(8), digits(4, seed=1)\n"
         "x_train, x_test = x_train[..., 0], x_test[..., 0]", expect=OK),
    dict(source="chapters", code="x_train, x_test = x_train / 255.0, x_test / 255.0\nprint(x_train.shape, max(x_train) <= 1)",
         expect=(OK, "(8, 28, 28) True\n")),
    dict(source="chapters", code="display(x_train[4])", expect=(OK, None, 1)),
    dict(source="chapters", code="from tensorflow.keras.layers import Conv2D, MaxPooling2D, Flatten, Dense\n"
         "conv = Conv2D(32, (3, 3), padding='same', strides=1, input_shape=(28, 28, 1), activation='relu')\n"
         "print(conv.filters, conv.kernel_size, conv.padding, conv.strides, conv.activation)",
         expect=(OK, "32 (3, 3) same (1, 1) relu\n")),
    dict(source="chapters", code="from tensorflow.keras.models import Sequential\n"
         "model = Sequential([conv, MaxPooling2D(pool_size=(2, 2)), Flatten(), Dense(10, activation='softmax')])\n"
         "print(model.output_shape, model.count_params())", expect=(OK, "(None, 10) 63050\n")),
    dict(source="chapters", code="pooled = MaxPooling2D(pool_size=2)(tf.constant([[[[1.], [3.]], [[4.], [6.]]]]))\n"
         "print(pooled.shape, pooled[0, 0, 0, 0])", expect=(OK, "(1, 1, 1, 1) 6\n")),
    dict(source="chapters", code="from tensorflow.keras.layers import AveragePooling2D, GlobalAveragePooling2D\n"
         "x = tf.reshape(tf.range(16.0), (1, 4, 4, 1))\nprint(AveragePooling2D(2)(x)[0, :, :, 0].tolist(), "
         "GlobalAveragePooling2D()(x).tolist())", expect=(OK, "[[2.5, 4.5], [10.5, 12.5]] [[7.5]]\n")),
    dict(source="chapters", code="from tensorflow.keras.applications import VGG16\nprint(VGG16().count_params())",
         expect=(OK, "138357544\n")),
    dict(source="chapters", code="from tensorflow.keras.applications import ResNet50\nprint(ResNet50(weights='imagenet').count_params())",
         expect=(ERROR, "TypeError", "ResNet50() has no parameter named 'weights'")),
    dict(source="chapters", code="%matplotlib inline\nimport matplotlib.pyplot as plt\nplt.imshow(x_train[0], cmap='gray')\n"
         "plt.title('label')\nplt.colorbar()\nplt.show()", expect=(OK, None, 1)),
    dict(source="chapters", code="%time y = conv(tf.zeros((1, 28, 28, 1)))",
         expect=(OK, re.compile(r"CPU times: user .*\nWall time: .*\n"))),
]


def runs(cell):
    return cell["source"] != "standin" and not cell.get("offline")


def test_enough_cells_from_named_sources():
    tutorial = [c for c in CELLS if c["source"] != "standin"]
    assert len(tutorial) >= 60, len(tutorial)
    assert {c["source"] for c in tutorial} == {"keras-mnist", "tf-cnn", "d2l-lenet", "numpy-basics", "chapters"}


def test_cells(kernel):
    _, kc = kernel
    unchanged = 0
    counted = 0
    for cell in CELLS:
        reply, outputs = run_cell(kc, cell["code"], timeout=60)
        expect = cell["expect"]
        where = f"{cell['source']}: {cell['code'][:60]!r}"
        stdout = "".join(m["content"]["text"] for m in outputs if m["msg_type"] == "stream")
        result = "".join(m["content"]["data"]["text/plain"] for m in outputs if m["msg_type"] == "execute_result")
        pictures = sum(1 for m in outputs if m["msg_type"] == "display_data")
        if expect == OK or expect[0] == OK:
            assert reply["status"] == "ok", (where, reply.get("ename"), reply.get("evalue"))
            if expect != OK:
                text = expect[1]
                if isinstance(text, re.Pattern):
                    assert text.search(stdout + result), (where, stdout + result)
                elif text is not None:
                    assert stdout + result == text, (where, stdout + result)
                if len(expect) > 2:
                    assert pictures == expect[2], (where, pictures)
        else:
            _, ename, fragment = expect
            assert reply["status"] == "error", (where, stdout)
            assert reply["ename"] == ename, (where, reply["ename"], reply["evalue"])
            assert fragment in reply["evalue"], (where, reply["evalue"])
            if "hint" in cell:
                assert any(cell["hint"] in line for line in reply["traceback"]), (where, reply["traceback"])
        if runs(cell):
            counted += 1
            unchanged += reply["status"] == "ok"
    assert unchanged / counted >= 0.9, f"{unchanged} of {counted} cells run unchanged"
