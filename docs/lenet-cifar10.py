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
# 本章把前面各章的内容串起来：用 PyTorch 搭建 LeNet 卷积网络，在 CIFAR-10 数据集上训练一个图像分类器，
# 并且像真正的训练脚本那样处理好几件实际的事情：
#
# - 数据集找不到、下载不了或者文件损坏时，给出**一条说明怎么办的消息**，而不是一长串报错；
# - 有 GPU 就用 GPU（CUDA），没有就用 CPU，并打印实际使用的设备；
# - 每训练完一轮就把模型和优化器**保存为检查点**，中途中断（包括按 Ctrl-C）也不会丢失进度，重新运行即从断点继续；
# - 用进度条显示训练进度，训练中和训练后报告测试集准确率以及**每个类别**的准确率；
# - 把损失曲线、准确率曲线和一组预测结果画成图片。
#
# 本页就是一个 notebook（jupytext 的 percent 格式 `.py` 文件）：
# <a href="lenet-cifar10.py" download>下载 lenet-cifar10.py</a>。它有两种运行方式：
#
# - 当作普通脚本：在仓库根目录执行 `python docs/lenet-cifar10.py`；
# - 当作 notebook：安装 `jupytext` 后在 Jupyter 中直接打开这个 `.py` 文件，或先用
#   `jupytext --to ipynb lenet-cifar10.py` 转成 `.ipynb`，再从上到下逐个运行单元格。
#
# 测试套件运行的正是这个文件本身（在一个小型合成数据集上，见下文），页面上的代码和被测试的代码是同一份。
#
# 与原文相比改了哪些地方、为什么改，见本页最后一节和[勘误页](../errata/)。

# %% [markdown]
# ## 1. 导入模块
#
# 除了 PyTorch 和 torchvision，还用到 `tqdm`（进度条）和 `matplotlib`（画图）。
# 原文把全部代码放在 `main()` 里，再用 `if __name__ == '__main__':` 调用；在 notebook 中没有这个必要，
# 本页的代码从上到下直接执行，每个单元格都可以单独查看和修改。

# %%
import json
import os
import pickle
import socket
import sys
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

# %% [markdown]
# ## 2. 配置
#
# 所有可以调整的参数都集中在这里。每一项都可以用环境变量覆盖，不用改代码，例如：
#
# ```shell
# LENET_DATA_DIR=/path/to/data LENET_EPOCHS=10 python docs/lenet-cifar10.py
# ```
#
# | 环境变量 | 默认值 | 含义 |
# |---|---|---|
# | `LENET_DATA_DIR` | `data` | 数据集所在文件夹（放 `cifar-10-python.tar.gz` 的地方） |
# | `LENET_DOWNLOAD` | `1` | 本地没有数据时是否尝试从网上下载（`0` 表示不下载） |
# | `LENET_EPOCHS` | `5` | 训练的总轮数（从检查点恢复时，已完成的轮数也算在内） |
# | `LENET_BATCH_SIZE` | `128` | 每个小批量的样本数 |
# | `LENET_LR` | `0.001` | Adam 的学习率 |
# | `LENET_DEVICE` | `auto` | `auto`（有 CUDA 用 CUDA，否则用 CPU）、`cuda` 或 `cpu` |
# | `LENET_CHECKPOINT` | `model/lenet_cifar10.pt` | 检查点文件 |
# | `LENET_IMG_DIR` | `img` | 图片输出文件夹 |
# | `LENET_SEED` | `0` | 随机种子 |
# | `LENET_CHECKSUMS` | 空 | 只用于测试用的合成数据，见第 4 节；使用真实数据集时不要设置 |
#
# 相对路径都相对于运行时的当前目录。环境变量的值不合法时，程序会说明是哪一个、应该是什么，然后停止。

# %%
def setting(name, default, kind=str, check=None, expected=""):
    """读取环境变量 name（没有设置时用 default），转换为 kind 类型并检查取值。"""
    raw = os.environ.get(name, default)
    try:
        value = kind(raw)
    except ValueError:
        value = None
    if value is None or (check is not None and not check(value)):
        raise SystemExit(f"环境变量 {name}={raw!r} 不合法：应为{expected}。")
    return value


DATA_DIR = Path(setting("LENET_DATA_DIR", "data"))
DOWNLOAD = setting("LENET_DOWNLOAD", "1", check=lambda v: v in ("0", "1"), expected=" 0 或 1") == "1"
EPOCHS = setting("LENET_EPOCHS", "5", int, lambda v: v >= 1, "正整数")
BATCH_SIZE = setting("LENET_BATCH_SIZE", "128", int, lambda v: v >= 1, "正整数")
LR = setting("LENET_LR", "0.001", float, lambda v: 0 < v < 1, "0 到 1 之间的小数")
DEVICE = setting("LENET_DEVICE", "auto", check=lambda v: v in ("auto", "cuda", "cpu"), expected=" auto、cuda 或 cpu")
CHECKPOINT = Path(setting("LENET_CHECKPOINT", "model/lenet_cifar10.pt"))
IMG_DIR = Path(setting("LENET_IMG_DIR", "img"))
SEED = setting("LENET_SEED", "0", int, expected="整数")
CHECKSUMS = setting("LENET_CHECKSUMS", "")

torch.manual_seed(SEED)  # 固定初始权重和数据打乱顺序，两次运行的结果才能比较

# %% [markdown]
# ## 3. 选择设备
#
# `torch.cuda.is_available()` 为真时在 GPU 上训练，否则在 CPU 上训练；打印出实际使用的设备，
# 免得以为在用 GPU 而其实在用 CPU。模型和每个小批量数据都要用 `.to(device)` 放到同一个设备上。
# 在 CUDA 上还打开 `cudnn.benchmark`：输入尺寸固定时，cuDNN 会为每一层挑选最快的卷积算法。

# %%
if DEVICE == "cuda" and not torch.cuda.is_available():
    raise SystemExit("LENET_DEVICE=cuda，但这台机器上没有可用的 CUDA 设备；请去掉这个设置，改用 CPU。")
device = torch.device("cuda" if DEVICE != "cpu" and torch.cuda.is_available() else "cpu")
if device.type == "cuda":
    torch.backends.cudnn.benchmark = True
    print(f"使用设备: cuda ({torch.cuda.get_device_name(device)})")
else:
    print(f"使用设备: cpu（{os.cpu_count()} 个核心）")

# %% [markdown]
# ## 4. 读取 CIFAR-10 数据集
#
# CIFAR-10 有 10 个类别、每类 6000 张 32×32 的彩色图片，其中 50000 张用于训练、10000 张用于测试。
# 数据集通过 `torchvision.datasets.CIFAR10` 读取，它的磁盘格式是：
# 压缩包 `cifar-10-python.tar.gz`（约 170 MB）解压后得到文件夹 `cifar-10-batches-py/`，
# 其中 `data_batch_1` ~ `data_batch_5` 是训练集，`test_batch` 是测试集，`batches.meta` 是类别名称，都是 pickle 文件。
#
# 原文用 `download=True` 让 torchvision 从多伦多大学的服务器下载。在国内这一步经常很慢或者失败，
# 失败时原文只会留下一长串报错。这里的做法是：
#
# 1. 如果 `LENET_DATA_DIR` 下已经有解压好的 `cifar-10-batches-py/`，并且通过 MD5 校验，直接使用；
# 2. 否则，如果有 `cifar-10-python.tar.gz`，先校验压缩包的 MD5，再解压使用，**完全不联网**；
# 3. 否则尝试下载（最多等待 30 秒无响应；`LENET_DOWNLOAD=0` 时不下载）；
# 4. 以上都不行，或者文件损坏，就打印一条消息：去哪里下载、放到哪个文件夹，然后停止。
#
# 所以，下载不了时，只要用浏览器或其他工具下载
# [cifar-10-python.tar.gz](https://www.cs.toronto.edu/~kriz/cifar-10-python.tar.gz)，
# 放到数据文件夹（默认是当前目录下的 `data/`）中，不用解压，重新运行即可。
#
# **关于 MD5 校验和测试数据。** torchvision 的 `CIFAR10` 类里写死了官方数据集每个文件的 MD5，
# 读取前逐一核对，核对不上就当作“找不到或已损坏”。测试套件不能联网下载真实数据集，
# 它按同样的磁盘格式生成一个很小的合成数据集（每一类是一种颜色和图案，再加上噪声），
# 这些文件的 MD5 当然不同于官方值。我们没有关掉校验，而是让测试把**自己生成的文件的 MD5**
# 写进一个 JSON 文件，用环境变量 `LENET_CHECKSUMS` 指给本页：`cifar10_class()` 于是返回
# `CIFAR10` 的一个子类，它与 `CIFAR10` 完全相同，只是换了一张 MD5 表。测试数据因此仍然要通过
# 完整的校验，损坏的测试数据同样会被发现；真实数据集不设置 `LENET_CHECKSUMS`，用的就是
# torchvision 原封不动的 `CIFAR10` 和官方 MD5。

# %%
class DataError(Exception):
    """数据集缺失或损坏；消息里写明读者该怎么做。"""


def cifar10_class(checksum_file=""):
    """返回读取数据集用的类：默认是 torchvision 的 CIFAR10（官方 MD5）；
    给出 checksum_file（JSON：文件名 -> MD5）时，返回只换了 MD5 表的子类，仅用于测试生成的合成数据。"""
    if not checksum_file:
        return CIFAR10
    try:
        md5 = json.loads(Path(checksum_file).read_text(encoding="utf-8"))
        table = {
            "tgz_md5": md5[CIFAR10.filename],
            "train_list": [[name, md5[name]] for name, _ in CIFAR10.train_list],
            "test_list": [[name, md5[name]] for name, _ in CIFAR10.test_list],
            "meta": {**CIFAR10.meta, "md5": md5[CIFAR10.meta["filename"]]},
        }
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise DataError(f"LENET_CHECKSUMS={checksum_file} 不是有效的校验文件（{err!r}）。"
                        "使用真实的 CIFAR-10 数据集时不要设置 LENET_CHECKSUMS。") from None
    return type("CIFAR10WithOwnChecksums", (CIFAR10,), table)


def how_to_get(root, dataset_class):
    """告诉读者下载什么、放到哪里。"""
    return (f"请手动下载 {dataset_class.url}\n"
            f"（约 170 MB，MD5 应为 {CIFAR10.tgz_md5}），不用解压，放到：\n"
            f"    {(Path(root) / dataset_class.filename).resolve()}\n"
            "然后重新运行。数据文件夹可以用环境变量 LENET_DATA_DIR 指定。")


def load_cifar10(root, transform, download=True, checksum_file=""):
    """返回 (训练集, 测试集)；数据缺失、下载失败或文件损坏时抛出 DataError。"""
    root = Path(root)
    dataset_class = cifar10_class(checksum_file)
    archive = root / dataset_class.filename
    extracted = root / dataset_class.base_folder

    def open_both():
        return (dataset_class(root, train=True, transform=transform),
                dataset_class(root, train=False, transform=transform))

    bad_content = (pickle.UnpicklingError, EOFError, KeyError, ValueError, TypeError, IndexError, AttributeError)
    damaged = ""
    try:
        return open_both()  # 1. 已经解压好，并且通过校验
    except RuntimeError:  # 没有解压好的文件，或者它们没通过 MD5 校验：看看有没有压缩包
        if extracted.is_dir():
            damaged = f"{extracted.resolve()} 中的文件不完整或已损坏（MD5 不符）。\n"
    except bad_content as err:
        raise DataError(f"{extracted} 中的文件通过了 MD5 校验，但内容无法读取（{err!r}）。\n"
                        f"请删除或移走这个文件夹后重新运行。\n" + how_to_get(root, dataset_class)) from None

    if archive.is_file():  # 2. 本地压缩包：校验后解压，不联网
        if not check_integrity(str(archive), dataset_class.tgz_md5):
            raise DataError(f"{archive.resolve()} 已损坏（MD5 不符，可能没有下载完整）。\n"
                            "请删除它，重新下载。\n" + how_to_get(root, dataset_class))
        print(f"解压 {archive} ...")
        try:
            extract_archive(str(archive), str(root))
        except (tarfile.TarError, EOFError, OSError) as err:
            raise DataError(f"无法解压 {archive.resolve()}（{err!r}）。\n" + how_to_get(root, dataset_class)) from None
    elif download:  # 3. 尝试下载；网络不通时 30 秒内放弃
        root.mkdir(parents=True, exist_ok=True)
        old_timeout = socket.getdefaulttimeout()
        socket.setdefaulttimeout(30)
        try:
            download_url(dataset_class.url, str(root), dataset_class.filename, dataset_class.tgz_md5)
            extract_archive(str(archive), str(root))
        except Exception as err:  # 网络错误有很多种（URLError、超时、SSL……），都归为“下载失败”
            raise DataError(damaged + f"在 {root.resolve()} 中找不到可用的 CIFAR-10 数据集，"
                            f"自动下载也失败了（{err!r}）。\n" + how_to_get(root, dataset_class)) from None
        finally:
            socket.setdefaulttimeout(old_timeout)
    else:  # 4. 没有数据，也不允许下载
        raise DataError(damaged + f"在 {root.resolve()} 中找不到可用的 CIFAR-10 数据集（LENET_DOWNLOAD=0，不自动下载）。\n"
                        + how_to_get(root, dataset_class))

    try:
        return open_both()
    except (RuntimeError, *bad_content) as err:
        raise DataError(f"{archive.resolve()} 通过了 MD5 校验，但解压出的文件无法使用（{err!r}）。\n"
                        f"请删除 {extracted.resolve()} 后重新运行。") from None


# %% [markdown]
# 预处理与原文相同：`ToTensor()` 把 0~255 的像素变成 0~1 的浮点张量（形状从 H×W×C 变为 C×H×W），
# `Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5))` 再把每个通道变换到 -1~1。
# 读取失败时只打印 `DataError` 的消息并停止（`SystemExit`），不显示无关的调用栈。

# %%
transform = transforms.Compose([
    transforms.ToTensor(),
    transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5)),
])

try:
    train_set, test_set = load_cifar10(DATA_DIR, transform, download=DOWNLOAD, checksum_file=CHECKSUMS)
except DataError as err:
    raise SystemExit(f"数据集不可用：{err}") from None

classes = train_set.classes  # ['airplane', 'automobile', 'bird', ...]
SYNTHETIC = bool(CHECKSUMS)  # 用的是测试生成的合成数据，而不是官方数据集
print(f"训练集 {len(train_set)} 张，测试集 {len(test_set)} 张，{len(classes)} 个类别"
      + ("（测试用的合成数据，不是真实的 CIFAR-10）" if SYNTHETIC else ""))

# %% [markdown]
# ## 5. 数据加载器
#
# `DataLoader` 负责把数据集切成小批量：训练集每轮打乱顺序（`shuffle=True`），测试集不打乱。
#
# 原文的写法是让 `DataLoader` 每取一张图片，就做一次“转成 PIL 图像 → `ToTensor` → `Normalize`”。
# 这些预处理每轮都一模一样，却要重复 5 万次，在 CPU 上很容易比网络本身的计算还慢。
# CIFAR-10 很小（训练集解码后是 50000×3×32×32 个数），又没有随机的数据增强，
# 所以这里把整个数据集**一次性**按同样的公式预处理好，放在内存里（`TensorDataset`，
# 训练集约 600 MB、测试集约 120 MB），之后每个小批量只是从内存里取出现成的张量：
#
# - `ToTensor()`：`uint8` 像素除以 255，并把形状从 H×W×C 变为 C×H×W；
# - `Normalize(0.5, 0.5)`：直接调用上面 `transform` 中的同一个 `Normalize` 对象，作用于整批图片。
#
# 结果与逐张图片调用 `transform` 完全相同（测试套件逐个元素核对过）。
# 这样 CPU 的全部核心都可以用来计算，不必分出一部分去准备数据，也就不需要 DataLoader 子进程。
#
# 在 **CUDA** 上，GPU 算得很快，主要的开销变成把数据从内存拷到显存：这里打开锁页内存（`pin_memory=True`），
# 训练循环里配合 `non_blocking=True`，让拷贝与计算重叠。
#
# 如果以后加入随机裁剪、翻转这类**每轮都不同**的数据增强，就不能再一次性预处理了，
# 那时应改回在 `DataLoader` 中逐张变换，并用多个子进程（`num_workers`）并行准备数据。

# %%
def preprocess_once(dataset, transform):
    """把整个 CIFAR10 数据集按 transform（ToTensor + Normalize）一次性预处理，返回 TensorDataset。"""
    to_tensor, normalize = transform.transforms
    assert isinstance(to_tensor, transforms.ToTensor) and isinstance(normalize, transforms.Normalize)
    pixels = torch.from_numpy(dataset.data).permute(0, 3, 1, 2)  # N×H×W×C uint8 -> N×C×H×W
    images = normalize(pixels.float().div(255))                   # 与逐张 ToTensor + Normalize 相同
    return TensorDataset(images, torch.tensor(dataset.targets))


use_cuda = device.type == "cuda"
train_data = preprocess_once(train_set, transform)
test_data = preprocess_once(test_set, transform)
train_loader = DataLoader(train_data, batch_size=BATCH_SIZE, shuffle=True, pin_memory=use_cuda)
test_loader = DataLoader(test_data, batch_size=max(BATCH_SIZE, 500), shuffle=False, pin_memory=use_cuda)
print(f"batch_size={BATCH_SIZE}，pin_memory={use_cuda}，计算线程 {torch.get_num_threads()} 个")

# %% [markdown]
# ## 6. 定义 LeNet
#
# 网络结构与原文相同：两个“卷积 + ReLU + 最大池化”块（3→16→32 个通道，5×5 卷积核），
# 然后是 120、84、10 个神经元的三个全连接层。各层输出的形状写在注释里。
#
# 与原文的一处关键区别：`forward` 返回的是**未经 softmax 的分数（logits）**。
# 原文在 `forward` 最后加了 `Softmax`，再交给 `nn.CrossEntropyLoss`；而 `CrossEntropyLoss`
# 内部已经做了 `log_softmax`，于是 softmax 被做了两次。第二次 softmax 的输入被限制在 0~1 之间，
# 各类的概率差别被压扁，损失对参数的梯度也随之变小，网络学得更慢，损失也降不到应有的水平。
# 需要概率时，在模型外面调用 `torch.softmax(logits, dim=1)` 即可；只求预测类别时，
# 对 logits 取 `argmax` 与对概率取 `argmax` 结果相同。

# %%
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
            nn.Linear(32 * 5 * 5, 120),  # fc1
            nn.ReLU(inplace=True),
            nn.Linear(120, 84),          # fc2
            nn.ReLU(inplace=True),
            nn.Linear(84, 10),           # fc3：输出 10 个类别的 logits
        )

    def forward(self, x):
        features = self.conv_block(x)
        return self.classifier(torch.flatten(features, start_dim=1))  # 不做 softmax


model = LeNet().to(device, memory_format=torch.channels_last)  # 内存布局见第 8 节
print(model)

# %% [markdown]
# ## 7. 损失函数与优化器
#
# 损失函数用 `nn.CrossEntropyLoss`（它接收 logits）。优化器仍是原文的 Adam，训练轮数仍是 5 轮，
# 但有两处改动：
#
# - 学习率从原文的 `0.0001` 改为 `0.001`，即 Adam 的默认值。原文的小学习率在一定程度上是被双重
#   softmax 拖慢的训练掩盖的；去掉双重 softmax 后，用默认学习率 5 轮能走得更远。
# - 批量从 36 增大到 128。每一步处理更多图片，矩阵运算效率更高，每轮的 Python 开销（步数）只有原来的
#   约四分之一，在 CPU 和 GPU 上都明显更快（见本站的 `tools/bench_lenet.py` 基准测试）。
#
# 这两处改动在合成数据上的对比（同样的轮数下准确率不低于原文的写法）由基准测试给出；
# 在真实 CIFAR-10 上的效果请以你自己的运行结果为准，两个参数都可以用环境变量改回原文的取值。

# %%
loss_function = nn.CrossEntropyLoss()
optimizer = optim.Adam(model.parameters(), lr=LR)

# %% [markdown]
# ## 8. 训练一轮、评估一次
#
# `train_one_epoch` 把训练集完整地过一遍：取一个小批量、放到设备上、清零梯度、前向计算、
# 计算损失、反向传播、更新参数。内层进度条显示本轮进度和当前的平均损失。
# 损失和正确数先在设备上累加，每 20 步才用 `.item()` 取回一次：在 GPU 上每次 `.item()`
# 都要等 GPU 算完，每步都取会拖慢训练。
#
# 模型参数和输入都使用 `channels_last` 内存布局（按 N×H×W×C 的顺序存放，张量的形状不变，仍是 N×C×H×W）。
# CPU 上的 oneDNN 和 GPU 上的 cuDNN 在这种布局下的卷积实现通常更快：在本站的 2 核 CPU 上，
# 批量 128 时一步训练快了约一半（这是我们在合成数据上测的速度，不涉及准确率；布局不改变计算结果的数学含义）。
#
# `evaluate` 在 `torch.inference_mode()` 下（不记录计算图，更快、更省内存）计算测试集上的
# 平均损失、准确率，以及每个类别分别预测对了多少张。评估前调用 `model.eval()`，训练前调用
# `model.train()`（LeNet 没有 Dropout/BatchNorm，这两个调用不改变结果，但这是应有的习惯）。

# %%
def train_one_epoch(model, loader, loss_function, optimizer, device, desc="train"):
    """训练一轮，返回 (平均损失, 训练集准确率)。"""
    model.train()
    loss_sum = torch.zeros((), device=device)
    correct = torch.zeros((), device=device, dtype=torch.long)
    seen = 0
    bar = tqdm(loader, desc=desc, unit="batch", leave=False)
    for step, (images, labels) in enumerate(bar, start=1):
        images = images.to(device, non_blocking=True, memory_format=torch.channels_last)
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


def evaluate(model, loader, loss_function, device, num_classes=10):
    """返回 (平均损失, 准确率, 每类预测正确数, 每类样本数)。"""
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


# %% [markdown]
# ## 9. 检查点：随时保存，断点续训
#
# 每训练完一轮，就把模型参数、优化器状态（Adam 的动量等）、已完成的轮数和历史曲线存进
# `model/lenet_cifar10.pt`。写文件的方式保证**任何时候中断都不会留下损坏的检查点**：先写到同一文件夹下的
# 临时文件，写完并 `fsync` 落盘后，再用 `os.replace` 把它换成正式文件名。`os.replace` 是原子操作，
# 中断发生在它之前，旧检查点原封不动；发生在它之后，新检查点已经完整。
#
# 读取时用 `torch.load(..., weights_only=True)`：它只接受张量、数字、字符串、列表和字典这类数据，
# 不会执行文件里夹带的任意代码（PyTorch 2.6 起这是默认行为，见第四章）。
# 检查点里记录了格式标记 `format`；文件损坏、或者是别的模型的参数（例如原文保存的 `Lenet.pth`，
# 或第四章的 `mynet-wts.pt`）时，都会给出明确的消息并停止，**不会覆盖那个文件**。

# %%
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
        with os.fdopen(fd, "wb") as f:
            torch.save(state, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp_name, path)
    except BaseException:  # 包括 Ctrl-C：删掉写了一半的临时文件，正式文件不受影响
        Path(tmp_name).unlink(missing_ok=True)
        raise


def load_checkpoint(path, model, optimizer, device):
    """从检查点恢复模型和优化器，返回 (已完成轮数, 历史记录)；没有检查点时返回 (0, 空历史)。"""
    path = Path(path)
    history = {"train_loss": [], "train_acc": [], "test_loss": [], "test_acc": []}
    if not path.exists():
        return 0, history
    keep = f"文件没有被修改。请把它移走或删除，或者用 LENET_CHECKPOINT 指定另一个检查点路径，然后重新运行。"
    try:
        state = torch.load(path, map_location=device, weights_only=True)
    except pickle.UnpicklingError as err:
        raise CheckpointError(f"{path} 不是本页的检查点：它包含 weights_only=True 不允许的对象"
                              f"（例如用 torch.save(model) 保存的整个模型）。\n{err}\n{keep}") from None
    except Exception as err:  # 截断、乱码等：torch.load 可能抛出多种异常
        raise CheckpointError(f"{path} 已损坏，无法读取（{type(err).__name__}: {err}）。\n{keep}") from None
    if not isinstance(state, dict) or state.get("format") != CHECKPOINT_FORMAT:
        raise CheckpointError(f"{path} 不是本页 LeNet 的检查点（没有 format={CHECKPOINT_FORMAT!r} 标记），"
                              f"可能是别的模型或别的程序保存的参数。\n{keep}")
    try:
        model.load_state_dict(state["model"])
        optimizer.load_state_dict(state["optimizer"])
        epoch, saved_history = int(state["epoch"]), state["history"]
        history.update({key: list(saved_history[key]) for key in history})
    except (RuntimeError, KeyError, ValueError, TypeError) as err:
        raise CheckpointError(f"{path} 与当前的 LeNet 不匹配，可能是结构不同的模型保存的。\n"
                              f"（{type(err).__name__}: {str(err).splitlines()[0]}）\n{keep}") from None
    return epoch, history


try:
    start_epoch, history = load_checkpoint(CHECKPOINT, model, optimizer, device)
except CheckpointError as err:
    raise SystemExit(f"检查点不可用：{err}") from None
if start_epoch:
    print(f"从检查点 {CHECKPOINT} 恢复：已完成 {start_epoch} 轮，从第 {start_epoch + 1} 轮继续")

# %% [markdown]
# ## 10. 训练
#
# 外层进度条按轮计数，内层进度条按小批量计数。每轮结束后在测试集上评估一次，打印本轮的
# 训练损失、测试损失和测试准确率，并保存检查点。从检查点恢复时，训练从下一轮开始，
# 进度条也从已完成的轮数开始计数；已经训练够 `LENET_EPOCHS` 轮时直接跳过训练。
#
# 按 Ctrl-C（在 Jupyter 中是“中断内核”）会触发 `KeyboardInterrupt`。这里捕获它，保存当前的参数
# （已完成的轮数不变，重新运行时从被中断的那一轮重新开始，这一轮已经做过的更新保留在参数里），
# 打印一条说明，然后干净地退出，不显示调用栈。

# %%
def fit(model, optimizer, train_loader, test_loader, loss_function, device,
        epochs, start_epoch, history, checkpoint):
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
            epoch_bar.set_postfix(test_acc=f"{test_acc:.1%}")
            tqdm.write(f"[epoch {epoch + 1}/{epochs}] train_loss: {train_loss:.3f}  train_acc: {train_acc:.3f}  "
                       f"test_loss: {test_loss:.3f}  test_accuracy: {test_acc:.3f}  "
                       f"({time.perf_counter() - start:.1f} s, checkpoint saved)")
    except KeyboardInterrupt:
        epoch_bar.close()
        save_checkpoint(checkpoint, model, optimizer, len(history["test_acc"]), history)
        return True
    epoch_bar.close()
    return False


if start_epoch >= EPOCHS:
    print(f"检查点已完成 {start_epoch} 轮（LENET_EPOCHS={EPOCHS}），跳过训练；要继续训练，请增大 LENET_EPOCHS。")
interrupted = fit(model, optimizer, train_loader, test_loader, loss_function, device,
                  EPOCHS, start_epoch, history, CHECKPOINT)
if interrupted:
    print(f"\n训练被中断。已完成 {len(history['test_acc'])} 轮，当前参数已保存到 {CHECKPOINT}；"
          "重新运行即从这里继续。")
    raise SystemExit(130)  # 130 是按 Ctrl-C 结束的程序通常使用的退出码
print("Finished Training")

# %% [markdown]
# ## 11. 测试集准确率与各类别准确率
#
# 训练结束后再在整个测试集上评估一次，并分别统计每个类别的准确率。只看总准确率会掩盖问题：
# 在真实的 CIFAR-10 上，LeNet 这样的小网络通常把车、船、飞机这类形状规则的类别分得较好，
# 而猫、狗、鸟这类彼此相似的类别差得多。

# %%
test_loss, test_acc, class_correct, class_total = evaluate(model, test_loader, loss_function, device)
print(f"测试集准确率: {test_acc:.1%}（{class_correct.sum()}/{class_total.sum()}），测试损失 {test_loss:.3f}")
for name, hit, total in zip(classes, class_correct.tolist(), class_total.tolist()):
    print(f"  {name:>10s}: {hit / max(total, 1):6.1%}  ({hit}/{total})")

# %% [markdown]
# ## 12. 画图：损失曲线、准确率曲线与预测结果
#
# 图片写到 `img/` 文件夹（`LENET_IMG_DIR`）。图中的文字用英文，因为很多系统上 matplotlib 没有中文字体。
# 使用合成数据时，图的标题里会注明 “synthetic test data, not CIFAR-10”。
#
# 第一张图：左边是每轮的训练损失和测试损失，右边是每轮的训练准确率和测试准确率，虚线是随机猜测的 10%。

# %%
IMG_DIR.mkdir(parents=True, exist_ok=True)
data_note = " (synthetic test data, not CIFAR-10)" if SYNTHETIC else ""

epochs_done = range(1, len(history["test_acc"]) + 1)
fig, (ax_loss, ax_acc) = plt.subplots(1, 2, figsize=(10, 4))
ax_loss.plot(epochs_done, history["train_loss"], "o-", label="train loss")
ax_loss.plot(epochs_done, history["test_loss"], "s-", label="test loss")
ax_loss.set_xlabel("epoch")
ax_loss.set_ylabel("cross-entropy loss")
ax_loss.legend()
ax_acc.plot(epochs_done, [100 * a for a in history["train_acc"]], "o-", label="train accuracy")
ax_acc.plot(epochs_done, [100 * a for a in history["test_acc"]], "s-", label="test accuracy")
ax_acc.axhline(10, color="gray", linestyle="--", label="chance (10%)")
ax_acc.set_xlabel("epoch")
ax_acc.set_ylabel("accuracy (%)")
ax_acc.set_ylim(0, 100)
ax_acc.legend()
for ax in (ax_loss, ax_acc):
    ax.set_xticks(list(epochs_done))
fig.suptitle(f"LeNet training, batch {BATCH_SIZE}, Adam lr {LR}{data_note}")
fig.tight_layout()
fig.savefig(IMG_DIR / "lenet_curves.png", dpi=100)
plt.show()

# %% [markdown]
# 下图是在**合成数据**上运行本页生成的（每类一种颜色和条纹图案，加上随机颜色和噪声；不是 CIFAR-10），
# 只用来展示图的样子，其中的数字不代表真实数据集上的结果。生成它的命令是（在仓库根目录）：
#
# ```shell
# python tests/lenet/fake_cifar.py /tmp/figdata --train 2000 --test 500 --noise 60 --jitter 0.5
# LENET_DATA_DIR=/tmp/figdata LENET_CHECKSUMS=/tmp/figdata/checksums.json \
#     LENET_CHECKPOINT=/tmp/figdata/lenet.pt python docs/lenet-cifar10.py
# ```
#
# ![Loss and accuracy curves (synthetic test data)](../img/lenet_curves.png)
#
# 第二张图：测试集的前 16 张图片，标题是预测类别和真实类别，预测对的是绿色，错的是红色。
# 画图前要把 `Normalize` 反过来（`x * 0.5 + 0.5`），并把 C×H×W 转回 H×W×C。

# %%
images, labels = next(iter(DataLoader(test_set, batch_size=16, shuffle=False)))
model.eval()
with torch.inference_mode():
    predicted = model(images.to(device)).argmax(dim=1).cpu()

fig, axes = plt.subplots(4, 4, figsize=(8, 9))
for ax, image, label, guess in zip(axes.flat, images, labels, predicted):
    ax.imshow((image * 0.5 + 0.5).clamp(0, 1).permute(1, 2, 0).numpy())
    ax.set_title(f"pred: {classes[guess]}\ntrue: {classes[label]}", fontsize=9,
                 color="green" if guess == label else "red")
    ax.axis("off")
fig.suptitle(f"LeNet predictions on test images{data_note}")
fig.tight_layout()
fig.savefig(IMG_DIR / "lenet_predictions.png", dpi=100)
plt.show()

# %% [markdown]
# 下图同样来自合成数据，不是 CIFAR-10 的真实图片：
#
# ![Predictions on test images (synthetic test data)](../img/lenet_predictions.png)

# %% [markdown]
# ## 13. 在真实数据集上应该看到什么
#
# 本站的测试环境无法下载 CIFAR-10，所以**本页没有在真实数据集上测得的数字**；上面的图和测试中的数字都来自合成数据。
# 作为参照，PyTorch 官方教程
# [Training a Classifier](https://pytorch.org/tutorials/beginner/blitz/cifar10_tutorial.html)
# 用结构相近的小卷积网络（两个 5×5 卷积层加三个全连接层）在 CIFAR-10 上训练 2 轮后，
# 报告的测试准确率约为 **55%**，远高于随机猜测的 10%，同时各类别之间差别明显。
# 本页的网络通道更多、训练 5 轮，准确率应当不低于这个水平；如果你的结果接近 10%，
# 说明训练没有正常进行（例如数据或标签出错）。
#
# 想进一步提高准确率，可以尝试：训练更多轮、对训练集做数据增强（随机裁剪、水平翻转）、
# 加入 BatchNorm，或者换用更深的网络（如 ResNet）。
#
# ## 14. 与原文相比的改动
#
# | 原文 | 本页 | 原因 |
# |---|---|---|
# | `forward` 末尾做 `Softmax`，再用 `CrossEntropyLoss` | `forward` 返回 logits | `CrossEntropyLoss` 自带 log-softmax，双重 softmax 使梯度变小、学得更慢 |
# | 全部代码在 `main()` 中，由 `if __name__ == '__main__':` 调用 | 代码从上到下执行 | notebook 里可以逐格运行；main 保护下的代码在 notebook 和测试中都不会执行 |
# | `download=True`，下载失败只有报错 | 先用本地文件，MD5 校验后解压；失败时说明下载什么、放到哪里 | 在国内下载常常失败 |
# | 只用 CPU | 有 CUDA 用 CUDA，并打印设备；GPU 上用锁页内存与异步拷贝 | 读者多半有 GPU |
# | 每轮对每张图片重复做 `ToTensor` + `Normalize` | 开始时对整个数据集一次性做同样的预处理，放在内存中 | 预处理不再拖慢训练，CPU 核心全部用于计算 |
# | 训练结束才保存一次 `Lenet.pth` | 每轮原子地保存检查点（含优化器和轮数），可续训，Ctrl-C 也先保存 | 中断不丢进度，也不会留下损坏的文件 |
# | 每 500 步在 5000 张测试图片上评估 | 每轮在整个测试集上评估，最后给出各类别准确率 | 结果更完整 |
# | 批量 36，学习率 0.0001 | 批量 128，学习率 0.001 | 更快；去掉双重 softmax 后可以用 Adam 的默认学习率 |
# | 默认内存布局 | `channels_last` | 卷积在 CPU（oneDNN）和 GPU（cuDNN）上更快 |
