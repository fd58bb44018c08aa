# 本站页面上的每一段输出，都是用下面这些版本真实运行得到的
import matplotlib
import numpy
import torch
import torchvision

for module in [torch, torchvision, numpy, matplotlib]:
    version = module.__version__.split("+")[0]  # 去掉 +cpu、+cu130 这类构建标记
    print(f"{module.__name__:<12} {version}")
