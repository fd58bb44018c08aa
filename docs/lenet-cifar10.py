# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # 五、综合案例：LeNet 与 CIFAR-10
#
# 本章把前面各章串起来：用 PyTorch 搭一个 LeNet 卷积网络，在 CIFAR-10 图片数据集上训练一个图像分类器。
# 全章分三部分：
#
# 1. **核心步骤**：读取数据、定义网络、损失函数与优化器、训练、评估、画图，每一步都很短；
# 2. **应对意外**（第一次读可以跳过）：数据集下载不了或已损坏、GPU 有没有、训练被中断、检查点用错了文件……
#    一个真正拿来用的训练脚本要处理的事情；
# 3. **运行**：按顺序调用前两部分定义的函数，训练、评估并画图。单元格下面是运行时打印的内容，
#    开头的运行记录写明了这次运行读的是什么数据、用的什么设置和设备。
#
# 本页是一个 notebook，可以下载
# <a href="lenet-cifar10.ipynb" download>lenet-cifar10.ipynb</a>（带输出，在 Jupyter 中从上到下运行）或
# <a href="../lenet-cifar10.py" download>lenet-cifar10.py</a>（同样的代码，可以直接 `python lenet-cifar10.py` 运行）。
# 与原教程相比改了什么、为什么改，见本页最后和[勘误页](../errata/)。

# %% [markdown]
# ## 准备：导入模块与可调参数
#
# 除了 PyTorch 和 torchvision，还用到 `tqdm`（进度条）和 `matplotlib`（画图）。
# 可调的参数都在下面，每一项都能用环境变量覆盖，不必改代码，例如 `LENET_EPOCHS=10 python lenet-cifar10.py`：
#
# | 环境变量 | 默认值 | 含义 |
# |---|---|---|
# | `LENET_DATA_DIR` | `data` | 数据集所在文件夹（放 `cifar-10-python.tar.gz` 的地方） |
# | `LENET_DOWNLOAD` | `1` | 本地没有数据时是否从网上下载（`0` 表示不下载） |
# | `LENET_EPOCHS` | `5` | 训练的总轮数（从检查点继续时，已完成的轮数也算在内） |
# | `LENET_BATCH_SIZE` | `128` | 每个小批量的图片数 |
# | `LENET_LR` | `0.001` | Adam 的学习率 |
# | `LENET_DEVICE` | `auto` | `auto`（有 CUDA 用 CUDA，否则用 CPU）、`cuda` 或 `cpu` |
# | `LENET_CHECKPOINT` | `model/lenet_cifar10.pt` | 检查点文件 |
# | `LENET_IMG_DIR` | `img` | 图片输出文件夹 |
# | `LENET_SEED` | `0` | 随机种子 |
# | `LENET_DATA_NAME` | `CIFAR-10` | 图标题里数据集的名称（本页只读取通过官方 MD5 校验的文件，所以默认就是 CIFAR-10） |
#
# 值不合法时，程序说明是哪一个变量、应该是什么，然后停止。

# %% tags=["imports"]
import os
import pickle
import socket
import tarfile
import tempfile
import time
from pathlib import Path

import matplotlib.pyplot as plt
import torch
import torch.nn as nn
import torch.optim as optim
import torchvision.transforms as transforms
from torch.utils.data import DataLoader, TensorDataset
from torchvision.datasets import CIFAR10
from torchvision.datasets.utils import check_integrity, download_url, extract_archive
from tqdm import tqdm


# %% tags=["settings"]
def setting(name, default, kind=str, check=lambda value: True, expected=""):
    """读取环境变量 name（没有设置时用 default），转换为 kind 类型并检查取值。"""
    raw = os.environ.get(name, default)
    try:
        value = kind(raw)
    except ValueError:
        value = None
    if value is None or not check(value):
        raise SystemExit(f"环境变量 {name}={raw!r} 不合法，应为：{expected}。")
    return value


DATA_DIR = Path(setting("LENET_DATA_DIR", "data"))
DOWNLOAD = setting("LENET_DOWNLOAD", "1", str, lambda v: v in ("0", "1"), "0 或 1") == "1"
EPOCHS = setting("LENET_EPOCHS", "5", int, lambda v: v >= 1, "正整数")
BATCH_SIZE = setting("LENET_BATCH_SIZE", "128", int, lambda v: 1 <= v <= 1_000_000, "1 到 1000000 之间的整数")
LR = setting("LENET_LR", "0.001", float, lambda v: 0 < v < 1, "0 与 1 之间的数")
DEVICE = setting("LENET_DEVICE", "auto", str, lambda v: v in ("auto", "cuda", "cpu"), "auto、cuda 或 cpu")
CHECKPOINT = Path(setting("LENET_CHECKPOINT", "model/lenet_cifar10.pt"))
IMG_DIR = Path(setting("LENET_IMG_DIR", "img"))
SEED = setting("LENET_SEED", "0", int, lambda v: 0 <= v < 2**64, "0 到 2**64 - 1 之间的整数")
DATA_NAME = setting("LENET_DATA_NAME", "CIFAR-10", str, lambda v: v.strip() != "", "非空的名称")

# 固定初始权重和每轮的打乱顺序：在同一台机器的 CPU 上，同样的设置两次运行结果相同（GPU 上不够，见“设备”一节）
torch.manual_seed(SEED)

# %% [markdown]
# ## 第一部分：核心步骤
#
# ### 1. 数据：CIFAR-10 与预处理
#
# CIFAR-10 有 10 个类别（飞机、汽车、鸟、猫……）、每类 6000 张 32×32 的彩色图片，50000 张用于训练，10000 张用于测试。
# torchvision 读取它的标准写法是 `CIFAR10(root=..., train=..., download=..., transform=...)`：
# `train` 选训练集或测试集，`download=True` 时本地没有就从网上下载，`transform` 是对每张图片做的预处理。
# 数据集、`DataLoader` 和 `transforms` 在[第四章第 3 节](../models/#3-数据加载dataset-与-dataloader)讲过，
# 这里的预处理与那里的例子（也与原教程）相同：`ToTensor()` + `Normalize`，把 0~255 的像素变成 −1~1 的 C×H×W 浮点张量。

# %% tags=["data"]
transform = transforms.Compose([
    transforms.ToTensor(),
    transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5)),
])


def open_cifar10(root, download):
    """用 torchvision 的 CIFAR10 读取训练集和测试集。"""
    train_set = CIFAR10(root=root, train=True, download=download, transform=transform)
    test_set = CIFAR10(root=root, train=False, download=download, transform=transform)
    return train_set, test_set


# %% [markdown]
# 上面的 `transform` 会在 `DataLoader` 每取一张图片时执行一次，每轮都把 5 万张图片重新转换一遍，结果却每轮都一样。
# CIFAR-10 很小，又没有随机的数据增强，所以本页把整个数据集**一次性**按同样的公式转换好放在内存里
# （`TensorDataset`），之后每个小批量只是取出现成的张量。结果与逐张调用 `transform` 完全相同；
# 代价是内存。转换好的张量一直保留着：训练集约 600 MB（50000×3×32×32 个 4 字节浮点数）、测试集约 120 MB，
# 合计约 0.7 GB。转换的过程中占用得更多：`float()`、`div(255)` 和 `Normalize` 各自生成一份完整的副本，
# 前一份要等下一份算完才释放，所以转换训练集时的峰值比原教程的写法高出约 1.2 GB（两份副本）。
# 以后如果加入随机裁剪、翻转这类**每轮都不同**的数据增强，就要改回在 `DataLoader` 中逐张变换。

# %% tags=["preprocess"]
def preprocess_once(dataset):
    """把整个数据集一次性做 transform 里的 ToTensor + Normalize，返回内存中的 TensorDataset。"""
    normalize = transform.transforms[1]  # transform 是 [ToTensor(), Normalize(...)]
    pixels = torch.from_numpy(dataset.data).permute(0, 3, 1, 2)  # N×H×W×C 的 uint8 -> N×C×H×W
    images = normalize(pixels.float().div(255))                  # 与逐张 ToTensor + Normalize 相同
    return TensorDataset(images, torch.tensor(dataset.targets))


# %% [markdown]
# ### 2. 网络：LeNet
#
# 两个“卷积 + ReLU + 最大池化”块（3→16→32 个通道，5×5 卷积核），然后是 120、84、10 个神经元的三个全连接层，
# 各层输出的形状写在注释里（这些层各自计算什么、参数是什么形状，[第四章的“常用的层”](../models/#1常用的层)讲过）。
# `forward` 返回的是 10 个类别**未经 softmax 的分数（logits）**，原因见第 3 步。

# %% tags=["model"]
class LeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv_block = nn.Sequential(
            nn.Conv2d(3, 16, 5),   # 3×32×32 -> 16×28×28
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2, 2),    # -> 16×14×14
            nn.Conv2d(16, 32, 5),  # -> 32×10×10
            nn.ReLU(inplace=True),
            nn.MaxPool2d(2, 2),    # -> 32×5×5
        )
        self.classifier = nn.Sequential(
            nn.Linear(32 * 5 * 5, 120),
            nn.ReLU(inplace=True),
            nn.Linear(120, 84),
            nn.ReLU(inplace=True),
            nn.Linear(84, 10),     # 10 个类别的 logits
        )

    def forward(self, x):
        features = self.conv_block(x)
        return self.classifier(torch.flatten(features, start_dim=1))


print(LeNet())

# %% [markdown]
# ### 3. 损失函数与优化器
#
# 损失函数、softmax 与 logits、优化器的 `zero_grad()` 和 `step()` 在[第三章的最后](../autograd/#losses-optimizers)讲过，这里只说本页的选择。
# 损失函数是 `nn.CrossEntropyLoss`，它接收 logits，内部先做 `log_softmax` 再算负对数似然。
# 原教程在 `forward` 末尾又加了一次 `Softmax`，于是 softmax 做了两次（[第三章](../autograd/#why-logits)用数字比较过两者的梯度）：第二次的输入都在 0~1 之间，
# 各类的分数差别被压扁，损失再也降不到 1.46 以下（练习 3 算的就是这个下限），梯度也变小，网络学得更慢。
# 需要概率时，在模型外面调用 `torch.softmax(logits, dim=1)`；只求预测类别时，对 logits 取 `argmax` 即可。
#
# 优化器是 `Adam`（第三部分创建模型后用 `optim.Adam(model.parameters(), lr=LR)` 创建）。学习率用 Adam 的默认值 0.001，
# 原教程用的是 0.0001；想比较两者，设置 `LENET_LR=0.0001` 重新运行即可。

# %% tags=["loss"]
loss_function = nn.CrossEntropyLoss()

# %% [markdown]
# ### 4. 训练一轮
#
# `train_one_epoch` 就是[第四章第 4 节](../models/#4-小批量训练)的小批量训练循环，加上把每个批量送到设备上的一行
# （[第四章第 5 节](../models/#5-设备在-gpu-上训练)）：取一个小批量、放到设备上、清零梯度、前向计算、计算损失、反向传播、更新参数。
# 进度条显示本轮进度和平均损失。几处细节：
#
# - 损失和正确数在设备上累加，每 20 步才用 `.item()` 取回一次：在 GPU 上每次 `.item()` 都要等 GPU 算完；
# - 输入用 `channels_last` 内存布局（按 N×H×W×C 存放，形状仍是 N×C×H×W）。它快不快取决于硬件和卷积的实现，
#   换一台机器可能没有差别甚至更慢，值得自己测一测。
#   卷积的输入和权重只要有一个是 `channels_last`，输出就是 `channels_last`，所以模型并不是非转换不可；
#   本页在第三部分创建模型时也把它转成了这种布局（`memory_format=torch.channels_last`）；
# - `non_blocking=True`：张量在锁页内存里时（第三部分的 `pin_memory=True`），CPU 发出拷贝后不等它完成，接着把后面的运算
#   也排进 GPU 的队列。拷贝本身仍与计算排在同一个（默认的）CUDA 流里，按顺序执行，并不与 GPU 上的计算同时进行；
#   要让拷贝与计算重叠，得把拷贝放到另一个流上，见 PyTorch 教程
#   [A guide on good usage of non_blocking and pin_memory()](https://docs.pytorch.org/tutorials/intermediate/pinmem_nonblock.html)。
#   在 CPU 上这个参数不起作用。

# %% tags=["train"]
def train_one_epoch(model, loader, loss_function, optimizer, device, desc="train",
                    memory_format=torch.channels_last):
    """训练一轮，返回平均损失和训练集准确率。"""
    model.train()
    loss_sum = torch.zeros((), device=device)
    correct = torch.zeros((), device=device, dtype=torch.long)
    seen = 0
    bar = tqdm(loader, desc=desc, unit="batch", leave=False)
    for step, (images, labels) in enumerate(bar, start=1):
        images = images.to(device, non_blocking=True, memory_format=memory_format)
        labels = labels.to(device, non_blocking=True)
        optimizer.zero_grad(set_to_none=True)
        logits = model(images)
        loss = loss_function(logits, labels)
        loss.backward()
        optimizer.step()
        loss_sum += loss.detach() * labels.size(0)
        correct += (logits.argmax(dim=1) == labels).sum()
        seen += labels.size(0)
        if step % 20 == 0:
            bar.set_postfix(loss=f"{loss_sum.item() / seen:.3f}")
    return loss_sum.item() / seen, correct.item() / seen


# %% [markdown]
# `train_one_epoch` 开头的 `model.train()` 和下一步 `evaluate` 开头的 `model.eval()` 切换模型的模式
# （第四章第 4 节用过）：它们把模型和它的
# 每个子模块的 `training` 属性设为 `True` 或 `False`，本身不做别的事。读这个属性的是 `Dropout`、`BatchNorm` 这类层：
# `Dropout` 训练时随机把一部分元素置零、其余的按比例放大，评估时原样输出；`BatchNorm` 训练时用当前批量的均值和方差
# （并更新它们的滑动平均），评估时改用滑动平均。本页的 LeNet 没有这两种层，所以两种模式下的输出完全相同；
# 照样调用它们是个好习惯：以后加入这类层，训练和评估的行为自然就对了。下面验证这几点：

# %% tags=["modes"]
net = LeNet()
images = torch.randn(2, 3, 32, 32)
with torch.no_grad():
    net.eval()
    print(net.training, net.classifier[0].training)  # eval()：模型和每个子模块的 training 都是 False
    eval_logits = net(images)
    net.train()
    print(net.training, net.classifier[0].training)
    print(torch.equal(net(images), eval_logits))     # 没有 Dropout 和 BatchNorm：两种模式下输出相同

dropout = nn.Dropout(p=0.5)  # 训练模式下每个元素以 0.5 的概率置零，留下的乘以 1 / (1 - 0.5) = 2
print(dropout(torch.ones(8)))
dropout.eval()
print(dropout(torch.ones(8)))  # 评估模式下原样输出

# %% [markdown]
# ### 5. 评估：总准确率与各类别准确率
#
# `evaluate` 在 `torch.inference_mode()` 下（不记录计算图，更快、更省内存）计算测试集上的平均损失和准确率，
# 并分别统计每个类别有多少张、预测对了多少张：只看总准确率，会掩盖某几个类别特别差的问题。
# `torch.bincount(labels)` 数出每个类别的样本数，`torch.bincount(labels[hits])` 只数预测对的那些。

# %% tags=["evaluate"]
def evaluate(model, loader, loss_function, device, num_classes=10):
    """返回平均损失、准确率、每类预测正确的张数和每类的张数。"""
    model.eval()
    loss_sum = torch.zeros((), device=device)
    class_correct = torch.zeros(num_classes, dtype=torch.long, device=device)
    class_total = torch.zeros(num_classes, dtype=torch.long, device=device)
    with torch.inference_mode():
        for images, labels in loader:
            images = images.to(device, non_blocking=True, memory_format=torch.channels_last)
            labels = labels.to(device, non_blocking=True)
            logits = model(images)
            loss_sum += loss_function(logits, labels) * labels.size(0)
            hits = logits.argmax(dim=1) == labels
            class_total += torch.bincount(labels, minlength=num_classes)
            class_correct += torch.bincount(labels[hits], minlength=num_classes)
    total = class_total.sum().item()
    return loss_sum.item() / total, class_correct.sum().item() / total, class_correct.cpu(), class_total.cpu()


def print_class_accuracy(classes, class_correct, class_total):
    width = max(len(name) for name in classes)
    for name, hit, total in zip(classes, class_correct.tolist(), class_total.tolist()):
        print(f"  {name:>{width}}: {hit / max(total, 1):6.1%}  ({hit}/{total})")


# %% [markdown]
# ### 6. 画图：学习曲线与预测结果
#
# 第一张图：左边是每轮的训练损失和测试损失，右边是训练准确率和测试准确率，虚线是随机猜测的 10%。
# 第二张图：测试集的前 16 张图片，标题是预测类别和真实类别，对的是绿色，错的是红色；
# 画图前要把 `Normalize` 反过来（`x * 0.5 + 0.5`），并把 C×H×W 转回 H×W×C。
# 图的标题写明数据集的名称（`LENET_DATA_NAME`）和图片张数。图中的文字用英文，因为很多系统上 matplotlib 没有中文字体。

# %% tags=["plots"]
def plot_history(history, title):
    epochs = range(1, len(history["test_acc"]) + 1)
    fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 4))
    ax_loss.plot(epochs, history["train_loss"], "o-", label="train loss")
    ax_loss.plot(epochs, history["test_loss"], "s-", label="test loss")
    ax_loss.set(xlabel="epoch", ylabel="cross-entropy loss", xticks=list(epochs))
    ax_acc.plot(epochs, [100 * a for a in history["train_acc"]], "o-", label="train accuracy")
    ax_acc.plot(epochs, [100 * a for a in history["test_acc"]], "s-", label="test accuracy")
    ax_acc.axhline(10, color="gray", linestyle="--", label="chance (10%)")
    ax_acc.set(xlabel="epoch", ylabel="accuracy (%)", ylim=(0, 100), xticks=list(epochs))
    for ax in (ax_loss, ax_acc):
        ax.legend()
    fig.suptitle(title)
    fig.tight_layout()
    return fig


def plot_predictions(model, images, labels, classes, device, title):
    model.eval()
    with torch.inference_mode():
        predicted = model(images.to(device, memory_format=torch.channels_last)).argmax(dim=1).cpu()
    fig, axes = plt.subplots(4, 4, figsize=(8, 9))
    for ax, image, label, guess in zip(axes.flat, images, labels, predicted):
        ax.imshow((image * 0.5 + 0.5).clamp(0, 1).permute(1, 2, 0).numpy())
        ax.set_title(f"pred: {classes[guess]}\ntrue: {classes[label]}", fontsize=9,
                     color="green" if guess == label else "red")
        ax.axis("off")
    fig.suptitle(title)
    fig.tight_layout()
    return fig


# %% [markdown]
# ## 第二部分：应对意外（可以跳过）
#
# 第一部分的代码在一切顺利时就够了。这一部分处理不顺利的情况：每一种都给出**一条说明怎么办的消息**后停止，
# 而不是一长串调用栈，也不删除、不覆盖读者的任何文件。第一次读可以直接跳到第三部分。
#
# ### 设备：有 CUDA 用 CUDA
#
# 选设备的写法、模型与数据放在同一个设备上的规则，见[第四章第 5 节](../models/#5-设备在-gpu-上训练)。
# `torch.cuda.is_available()` 为真时在 GPU 上训练，否则在 CPU 上；打印实际使用的设备，免得以为在用 GPU 而其实在用 CPU。
# 在 CUDA 上还打开 `cudnn.benchmark`：卷积遇到新的输入尺寸时，cuDNN 先试几种算法，之后一直用最快的那种。
#
# 打开它可能更快，代价是可复现性：试出来的“最快”每次运行可能不同，不同的算法给出的结果在最后几位上可能不同，
# 所以在 GPU 上，只固定种子并不能保证两次运行的结果相同；要逐位相同，还要设 `torch.backends.cudnn.benchmark = False`
# 并调用 `torch.use_deterministic_algorithms(True)`，代价是可能更慢（见 PyTorch 文档的
# [Reproducibility](https://docs.pytorch.org/docs/stable/notes/randomness.html) 一节）。

# %% tags=["device"]
def choose_device(wanted):
    """wanted 是 auto、cuda 或 cpu；返回 torch.device 并打印它。"""
    if wanted == "cuda" and not torch.cuda.is_available():
        raise SystemExit("LENET_DEVICE=cuda，但这台机器上没有可用的 CUDA 设备；请去掉这个设置，改用 CPU。")
    device = torch.device("cuda" if wanted != "cpu" and torch.cuda.is_available() else "cpu")
    if device.type == "cuda":
        torch.backends.cudnn.benchmark = True
        print(f"使用设备：cuda（{torch.cuda.get_device_name(device)}）")
    else:
        print(f"使用设备：cpu（{torch.get_num_threads()} 个计算线程）")
    return device


# %% [markdown]
# ### 数据集：离线也能用，坏了说清楚
#
# 原教程用 `download=True` 从多伦多大学的服务器下载约 170 MB 的 `cifar-10-python.tar.gz`，在国内这一步经常很慢或失败。
# `prepare_cifar10` 在调用 `open_cifar10` 之前按顺序检查：
#
# 1. 数据文件夹里已经有解压好的 `cifar-10-batches-py/`，且每个文件都通过 MD5 校验：直接使用；
# 2. 否则，如果有 `cifar-10-python.tar.gz`：校验压缩包的 MD5，再解压，**完全不联网**；
# 3. 否则尝试下载（30 秒无响应就放弃；`LENET_DOWNLOAD=0` 时不下载）；
# 4. 都不行，或者文件损坏：说明损坏的是哪个文件、去哪里下载、放到哪个文件夹，然后停止。
#
# 所以下载不了时，用浏览器或其他工具下载 [cifar-10-python.tar.gz](https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz)，
# 不用解压，放进数据文件夹（默认是当前目录下的 `data/`）后重新运行即可。
# MD5 用的是 torchvision 的 `CIFAR10` 类里记录的官方值（`CIFAR10.tgz_md5`、`train_list`、`test_list`、`meta`）。

# %% tags=["data-safety"]
class DataError(Exception):
    """数据集缺失或损坏；消息里写明读者该怎么做。"""


def how_to_get(root):
    return (f"请手动下载 {CIFAR10.url}\n"
            f"（约 170 MB，MD5 应为 {CIFAR10.tgz_md5}），不用解压，放到：\n"
            f"    {(Path(root) / CIFAR10.filename).resolve()}\n"
            "然后重新运行。数据文件夹可以用环境变量 LENET_DATA_DIR 指定。")


def damaged_files(folder):
    """解压好的文件夹里没有通过 MD5 校验的文件名。"""
    expected = [*CIFAR10.train_list, *CIFAR10.test_list, [CIFAR10.meta["filename"], CIFAR10.meta["md5"]]]
    return [name for name, md5 in expected if not check_integrity(str(folder / name), md5)]


def prepare_cifar10(root, download):
    """确保 root 下有通过校验的 CIFAR-10，然后用 open_cifar10 读取；做不到时抛出 DataError。"""
    root = Path(root)
    archive, folder = root / CIFAR10.filename, root / CIFAR10.base_folder
    damaged = damaged_files(folder) if folder.is_dir() else []
    note = (f"{folder.resolve()} 中这些文件不完整或已损坏（MD5 不符）：{', '.join(damaged)}。\n"
            if damaged else "")
    if folder.is_dir() and not damaged:
        pass  # 1. 已经解压好并通过校验
    elif archive.is_file():  # 2. 本地压缩包：校验后解压，不联网
        if not check_integrity(str(archive), CIFAR10.tgz_md5):
            raise DataError(note + f"{archive.resolve()} 已损坏（MD5 不符，可能没有下载完整）。\n"
                            "请删除它，重新下载。\n" + how_to_get(root))
        print(f"正在解压 {archive.name}……")
        try:
            extract_archive(str(archive), str(root))
        except (tarfile.TarError, EOFError, OSError) as err:
            raise DataError(f"无法解压 {archive.resolve()}（{err!r}）。\n" + how_to_get(root)) from None
    elif download:  # 3. 下载；网络不通时 30 秒内放弃
        root.mkdir(parents=True, exist_ok=True)
        old_timeout = socket.getdefaulttimeout()
        socket.setdefaulttimeout(30)
        try:
            download_url(CIFAR10.url, str(root), CIFAR10.filename, CIFAR10.tgz_md5)
            extract_archive(str(archive), str(root))
        except Exception as err:  # 网络错误有很多种（URLError、超时、SSL……），都归为“下载失败”
            raise DataError(note + f"在 {root.resolve()} 中找不到可用的 CIFAR-10 数据集，"
                            f"自动下载也失败了（{err!r}）。\n" + how_to_get(root)) from None
        finally:
            socket.setdefaulttimeout(old_timeout)
    else:  # 4. 没有数据，也不允许下载
        raise DataError(note + f"在 {root.resolve()} 中找不到可用的 CIFAR-10 数据集"
                        "（LENET_DOWNLOAD=0，不自动下载）。\n" + how_to_get(root))
    try:
        return open_cifar10(root, download=False)
    except (RuntimeError, pickle.UnpicklingError, EOFError, KeyError, ValueError, TypeError, IndexError,
            AttributeError) as err:
        raise DataError(f"{folder.resolve()} 中的文件通过了 MD5 校验，但内容无法读取（{err!r}）。\n"
                        "请删除或移走这个文件夹后重新运行。\n" + how_to_get(root)) from None


# %% [markdown]
# ### 检查点：每轮保存，断点续训
#
# 每训练完一轮，就把模型参数、优化器状态（Adam 的动量等）、已完成的轮数和历史曲线存进检查点。
# 写文件时先写到同一文件夹下的临时文件，`fsync` 落盘后再用 `os.replace` 换成正式文件名：写到一半被中断时，
# 正式文件还是上一次保存的，不会留下写了一半的检查点。`os.replace` 这一步本身在 Linux 和 macOS 上是原子操作（POSIX 的要求），
# Windows 不作这个保证。
#
# 读取时用 `torch.load(..., weights_only=True)`，它只还原张量、数字、字符串、列表和字典这类基本类型以及少数白名单中的类型，
# 不会执行文件里夹带的代码（见第四章）。检查点带有格式标记 `format`。读到的文件不是本页的检查点时，给出原因并停止，文件保持原样：
# 用 `torch.save(model)` 保存的整个模型、别的模型的参数、损坏的文件，都各有一条说明；
# 原教程保存的 `Lenet.pth`（`torch.save(net.state_dict())`）与本页的 LeNet 参数名和形状完全相同，
# 这时消息会说明怎样从它的参数开始训练。检查点在读取数据集**之前**检查，有问题时不必等数据解压完。

# %% tags=["checkpoint"]
CHECKPOINT_FORMAT = "lenet-cifar10/1"


class CheckpointError(Exception):
    """检查点无法使用；消息里写明原因和处理办法。"""


def save_checkpoint(path, model, optimizer, epoch, history):
    """原子地保存检查点：先写临时文件，再用 os.replace 换成正式文件名。"""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    state = {"format": CHECKPOINT_FORMAT, "epoch": epoch, "history": history,
             "model": model.state_dict(), "optimizer": optimizer.state_dict()}
    fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".tmp")
    try:
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp_name, 0o666 & ~umask)  # mkstemp 建的文件只有自己能读写（0600）；改成与普通文件相同的权限
        with os.fdopen(fd, "wb") as f:
            torch.save(state, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_name, path)
    except BaseException:  # 包括 Ctrl-C：删掉写了一半的临时文件，正式文件不受影响
        Path(tmp_name).unlink(missing_ok=True)
        raise


def load_checkpoint(path, model, optimizer, device):
    """从检查点恢复模型和优化器，返回已完成的轮数和历史记录；没有检查点时返回 0 和空的历史记录。"""
    path = Path(path)
    history = {"train_loss": [], "train_acc": [], "test_loss": [], "test_acc": []}
    if not path.exists():
        return 0, history
    keep = "文件没有被修改。请把它移走，或者用 LENET_CHECKPOINT 指定另一个检查点路径，然后重新运行。"
    try:
        state = torch.load(path, map_location=device, weights_only=True)
    except pickle.UnpicklingError:
        raise CheckpointError(f"{path} 不是本页的检查点：它包含 weights_only=True 不允许加载的对象"
                              f"（例如用 torch.save(model) 保存的整个模型）。\n{keep}") from None
    except Exception as err:  # 截断、乱码等：torch.load 可能抛出多种异常
        raise CheckpointError(f"{path} 已损坏，无法读取（{type(err).__name__}）。\n{keep}") from None
    if isinstance(state, dict) and state.keys() == model.state_dict().keys():
        raise CheckpointError(
            f"{path} 只保存了 LeNet 的参数（例如原教程用 torch.save(net.state_dict()) 保存的 Lenet.pth），"
            "没有优化器状态和轮数，不能用来续训。\n要从这些参数开始训练，把 LENET_CHECKPOINT 指向一个新文件，"
            "并在第三部分创建模型之后加一行：\n"
            f"    model.load_state_dict(torch.load({str(path)!r}, weights_only=True))\n{keep}")
    if not isinstance(state, dict) or state.get("format") != CHECKPOINT_FORMAT:
        raise CheckpointError(f"{path} 不是本页 LeNet 的检查点（没有 format={CHECKPOINT_FORMAT!r} 标记），"
                              f"可能是别的模型或别的程序保存的。\n{keep}")
    try:
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        epoch, saved_history = int(state["epoch"]), state["history"]
        history.update({key: list(saved_history[key]) for key in history})
    except (RuntimeError, KeyError, ValueError, TypeError) as err:
        raise CheckpointError(f"{path} 与本页的 LeNet 不匹配，可能是结构不同的模型保存的。\n"
                              f"({type(err).__name__}: {str(err).splitlines()[0]})\n{keep}") from None
    return epoch, history


# %% [markdown]
# ### 训练循环：每轮评估、保存，Ctrl-C 时先保存再退出
#
# `fit` 从已完成的轮数训练到 `LENET_EPOCHS` 轮，每轮结束后评估一次、打印一行结果并保存检查点。
# 按 Ctrl-C（在 Jupyter 中是“中断内核”）会触发 `KeyboardInterrupt`：这里捕获它，把当前的参数和优化器状态存进检查点
# （记下的已完成轮数不变），打印一条说明，然后干净地退出。
#
# 重新运行时，被中断的那一轮从头再训练一遍，而且是从保存的参数出发的：这一轮在中断前已经训练过的那些批量，会再训练一次。
# 检查点也没有保存随机数生成器的状态，从检查点继续训练时，每轮打乱数据的顺序与一口气训练完时不同。
# 所以续训的结果与不中断的结果相近，但不会完全相同。

# %% tags=["fit"]
def fit(model, optimizer, train_loader, test_loader, device, epochs, start_epoch, history, checkpoint):
    """从 start_epoch 训练到 epochs 轮；被 Ctrl-C 中断时保存检查点并返回 True。"""
    epoch_bar = tqdm(range(start_epoch, epochs), initial=start_epoch, total=epochs, desc="epochs", unit="epoch")
    try:
        for epoch in epoch_bar:
            start = time.perf_counter()
            train_loss, train_acc = train_one_epoch(model, train_loader, loss_function, optimizer, device,
                                                    desc=f"epoch {epoch + 1}/{epochs}")
            test_loss, test_acc, _, _ = evaluate(model, test_loader, loss_function, device)
            for key, value in zip(history, (train_loss, train_acc, test_loss, test_acc)):
                history[key].append(value)
            save_checkpoint(checkpoint, model, optimizer, epoch + 1, history)
            tqdm.write(f"[epoch {epoch + 1}/{epochs}] train_loss {train_loss:.3f}  train_acc {train_acc:.3f}  "
                       f"test_loss {test_loss:.3f}  test_acc {test_acc:.3f}  ({time.perf_counter() - start:.1f} s)")
    except KeyboardInterrupt:
        save_checkpoint(checkpoint, model, optimizer, len(history["test_acc"]), history)
        return True
    finally:
        epoch_bar.close()
    return False


# %% [markdown]
# ## 第三部分：运行
#
# 下面按顺序调用前两部分的函数。单元格下面是一次真实运行打印的内容和画出的图（进度条输出到 stderr，没有保存；
# 耗时因机器而异，写成了 `...`）。那次运行读的是什么数据、有多少张图片、用的什么设置和设备，
# 见紧接着的运行记录（只有带输出的 notebook 里才有）；怎样解读这些数字，见本部分最后。

# %% [markdown]
# 先选设备，创建模型和优化器，再看有没有检查点可以继续（检查点在读取数据集之前检查）：

# %% tags=["run-setup"]
device = choose_device(DEVICE)
model = LeNet().to(device, memory_format=torch.channels_last)
optimizer = optim.Adam(model.parameters(), lr=LR)
try:
    start_epoch, history = load_checkpoint(CHECKPOINT, model, optimizer, device)
except CheckpointError as err:
    raise SystemExit(f"检查点不可用：{err}") from None
if start_epoch:
    print(f"从检查点 {CHECKPOINT} 恢复：已完成 {start_epoch} 轮。")

# %% [markdown]
# 读取数据集，一次性预处理，建立 `DataLoader`：训练集每轮打乱顺序（`shuffle=True`），测试集不打乱。
# 在 CUDA 上打开锁页内存（`pin_memory=True`），配合训练循环里的 `non_blocking=True`。

# %% tags=["run-data"]
try:
    train_set, test_set = prepare_cifar10(DATA_DIR, DOWNLOAD)
except DataError as err:
    raise SystemExit(f"数据集不可用：{err}") from None
classes = train_set.classes
train_data, test_data = preprocess_once(train_set), preprocess_once(test_set)
pin = device.type == "cuda"
train_loader = DataLoader(train_data, batch_size=BATCH_SIZE, shuffle=True, pin_memory=pin)
test_loader = DataLoader(test_data, batch_size=max(BATCH_SIZE, 500), pin_memory=pin)
print(f"训练集 {len(train_set)} 张，测试集 {len(test_set)} 张，{len(classes)} 个类别：{', '.join(classes)}")

# %% [markdown]
# 训练。进度条（输出到 stderr，本页没有保存）显示每轮的进度；每轮结束打印一行结果：

# %% tags=["run-fit"]
if start_epoch >= EPOCHS:
    print(f"检查点已完成 {start_epoch} 轮，不少于 LENET_EPOCHS={EPOCHS}，不再训练；要继续训练，请增大 LENET_EPOCHS。")
elif fit(model, optimizer, train_loader, test_loader, device, EPOCHS, start_epoch, history, CHECKPOINT):
    done = len(history["test_acc"])
    print(f"\n训练被中断。已完成 {done} 轮，当前参数已保存到 {CHECKPOINT}；"
          f"重新运行时从保存的参数出发，把第 {done + 1} 轮从头再训练一遍。")
    raise SystemExit(130)  # 130 是按 Ctrl-C 结束的程序通常使用的退出码
else:
    print(f"训练完成，检查点保存在 {CHECKPOINT}。")

# %% [markdown]
# 在整个测试集上评估，并列出每个类别的准确率：

# %% tags=["run-evaluate"]
test_loss, test_acc, class_correct, class_total = evaluate(model, test_loader, loss_function, device)
print(f"测试集准确率 {test_acc:.1%}（{class_correct.sum()}/{class_total.sum()}），测试损失 {test_loss:.3f}")
print_class_accuracy(classes, class_correct, class_total)

# %% [markdown]
# 模型输出的是 logits。要看概率，在模型外面对每一行做 softmax；下面是测试集前 4 张图片最可能的类别和它的概率：

# %% tags=["run-probabilities"]
model.eval()
with torch.inference_mode():
    logits = model(test_data[:4][0].to(device, memory_format=torch.channels_last))
probabilities = torch.softmax(logits, dim=1)
confidence, predicted = probabilities.max(dim=1)
for p, k in zip(confidence.tolist(), predicted.tolist()):
    print(f"{classes[k]:>10}  {p:.1%}")

# %% [markdown]
# 画出学习曲线和预测结果，并保存到 `LENET_IMG_DIR`（默认 `img/`）。图的标题写明数据集的名称和图片张数：

# %% tags=["run-plots"]
IMG_DIR.mkdir(parents=True, exist_ok=True)
data_source = f"{DATA_NAME}, {len(train_set)} train / {len(test_set)} test images"
fig = plot_history(history, f"LeNet, batch {BATCH_SIZE}, Adam lr {LR}\n{data_source}")
fig.savefig(IMG_DIR / "lenet_curves.png", dpi=100)
plt.show()

images, labels = test_data[:16]
fig = plot_predictions(model, images, labels, classes, device, f"LeNet predictions\n{data_source}")
fig.savefig(IMG_DIR / "lenet_predictions.png", dpi=100)
plt.show()

# %% [markdown]
# ### 在真实 CIFAR-10 上应该看到什么
#
# 上面的准确率和损失是在哪份数据上得到的，以运行记录为准：在生成的数据集上得到的数字，不说明网络在 CIFAR-10 上能达到多少。
# 无论用的是哪份数据，最简单的参照都是随机猜测：10 个类别，猜对的概率是 10%，这时交叉熵约为 ln 10 ≈ 2.30。
# 测试准确率停在 10% 附近、损失停在 2.30 附近，说明网络什么也没学到，常见的原因是数据或标签出错、学习率过大。
#
# PyTorch 官方教程 [Training a Classifier](https://docs.pytorch.org/tutorials/beginner/blitz/cifar10_tutorial.html)
# 用结构相近、通道更少的小网络（两个 5×5 卷积层加三个全连接层）在 CIFAR-10 上得到约 55% 的测试准确率，
# 但它的训练方式与本页很不一样：SGD（带动量）、批量 4、训练 2 轮，共 25000 步；本页是 Adam、批量 128、训练 5 轮，
# 共 5 × 391 = 1955 步。所以这个数字只说明这类小网络在 CIFAR-10 上能学到远高于 10% 的水平，并不是本页的设置应当达到的下限。
# 本页的设置在 CIFAR-10 上能达到多少，最可靠的办法是自己运行一次（运行记录会写明读的是不是官方的 CIFAR-10）。
# 想进一步提高准确率，可以训练更多轮、对训练集做数据增强（随机裁剪、水平翻转）、加入 BatchNorm，或者换用更深的网络。
#
# ### 时间花在哪里
#
# 本页的训练循环与原教程相比改了三处：一次性预处理、批量 128、`channels_last`。在一台 2 核 CPU 上、4000 张生成的图片上的一次测量中，
# 三处合起来让每秒训练的图片数约为原写法的 2.8 倍，其中一次性预处理贡献最多：原写法每轮约四成的时间在等 `DataLoader`
# 逐张准备图片，一次性预处理把这段等待几乎降为零。批量更大（每轮的步数更少）和 `channels_last` 贡献的较少。
# 换一台机器，尤其是 GPU，比例会不同。
#
# ### 与原教程相比的改动
#
# | 原教程 | 本页 | 原因 |
# |---|---|---|
# | `forward` 末尾做 `Softmax`，再用 `CrossEntropyLoss` | `forward` 返回 logits | `CrossEntropyLoss` 自带 log-softmax；两次 softmax 使损失降不下去、学得更慢 |
# | 全部代码在 `main()` 中，由 `if __name__ == '__main__':` 调用 | 代码从上到下执行 | notebook 中可以逐格运行和修改 |
# | `download=True`，下载失败只有报错 | 先用本地文件，MD5 校验后解压；失败时说明下载什么、放到哪里 | 在国内下载常常失败 |
# | 只用 CPU | 有 CUDA 用 CUDA，并打印设备 | 同一份代码在两种机器上都能用 |
# | 每轮对每张图片重复 `ToTensor` + `Normalize` | 开始时一次性做同样的预处理 | 见“时间花在哪里” |
# | 训练结束才保存一次 `Lenet.pth` | 每轮原子地保存检查点（含优化器和轮数），可续训，Ctrl-C 也先保存 | 中断不丢进度，不留下损坏的文件 |
# | 每 500 步在 5000 张测试图片上评估 | 每轮在整个测试集上评估，最后给出各类别准确率 | 结果更完整 |
# | 批量 36，学习率 0.0001 | 批量 128，学习率 0.001（Adam 的默认值），`channels_last` | 见“时间花在哪里”；学习率可用 `LENET_LR` 改回 |

# %% [markdown]
# ## 小结
#
# - 用 torchvision 读取 CIFAR-10 只要一行 `CIFAR10(root=..., train=..., download=..., transform=...)`；
#   没有随机数据增强时，可以把整个数据集一次性预处理好放在内存里，代价是内存。
# - `nn.CrossEntropyLoss` 接收 logits，模型的 `forward` 不要再做 softmax；需要概率时在模型外面算。
# - 一轮训练就是“取批量 → `zero_grad` → 前向 → 损失 → `backward` → `step`”，前面用 `model.train()`；
#   评估前用 `model.eval()`，并放在 `torch.inference_mode()` 下，按类别统计准确率。
# - 模型和数据要在同一个设备上；打印出实际使用的设备。
# - 检查点保存模型和优化器的 `state_dict`，先写临时文件再用 `os.replace` 换上，用 `weights_only=True` 安全地读取。
#
# ## 练习
#
# **练习 1.** 用 `LENET_BATCH_SIZE=36 LENET_EPOCHS=1` 运行本页（可以另设一个 `LENET_CHECKPOINT`，免得接着旧检查点训练），
# 与批量 128 相比，每轮的步数和耗时怎样变化？
#
# <details class="success">
# <summary>参考答案</summary>
#
# 每轮的步数是 ⌈50000 / 36⌉ = 1389 步，而批量 128 只有 391 步。每一步的 Python 开销和小矩阵运算的效率损失都按步数累积，
# 所以每轮明显更慢（在一台 2 核 CPU 上的一次测量中，批量 36 每秒训练的图片数比批量 128 少约五分之一）。
#
# </details>
#
# **练习 2.** 第三部分先对 logits 做 softmax，再取最大值得到预测类别。如果跳过 softmax，直接对 logits 取 `argmax`，
# 预测的类别会变吗？得到的最大值能当作概率吗？
#
# <details class="success">
# <summary>参考答案</summary>
#
# 类别不变：softmax 先对每个分数取指数，再除以同一行的总和，两步都保持大小顺序，所以每一行最大的分数仍在同一个位置，
# `argmax` 相同（`evaluate` 正是直接对 logits 取 `argmax`）。但 logits 本身不是概率：它可以是负数，一行的和也不是 1，
# 要概率就得做 softmax。
#
# </details>
#
# **练习 3.** 原教程在 `forward` 末尾做了 softmax，再交给 `CrossEntropyLoss`。这样的模型最好能把交叉熵降到多少？
#
# <details class="success">
# <summary>参考答案</summary>
#
# 第二次 softmax 的输入都在 0~1 之间。最“自信”的输出是正确类别为 1、其余 9 类为 0，这时损失最小：
# −ln(e¹ / (e¹ + 9·e⁰)) = ln(1 + 9/e) ≈ 1.46。而正常的模型可以把损失降到接近 0。可以用一行代码核对：
#
# ```python
# print(nn.CrossEntropyLoss()(torch.tensor([[1.0] + [0.0] * 9]), torch.tensor([0])))
# ```
#
# 打印的是 `tensor(1.4612)`。
#
# </details>
