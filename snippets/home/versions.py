# 本站页面上的每一段输出，都是用下面这些版本真实运行得到的
import numpy
import torch
import torchvision

for name, module in [("torch", torch), ("torchvision", torchvision), ("numpy", numpy)]:
    version = module.__version__.split("+")[0]  # 去掉 +cpu、+cu130 这类构建标记
    print(f"{name:<12} {version}")
