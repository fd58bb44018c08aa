# 练习 5：第五章 LeNet 的卷积部分，逐层的输出形状与参数个数
import torch
from torch import nn

features = nn.Sequential(
    nn.Conv2d(3, 16, 5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 5), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(),
)
h = torch.zeros(8, 3, 32, 32)  # 8 张 3 通道 32x32 的图像
for layer in features:
    h = layer(h)
    n = sum(p.numel() for p in layer.parameters())
    print(f"{type(layer).__name__:<10}{str(tuple(h.shape)):<18}参数 {n}")

features[0].requires_grad_(False)  # 冻结第一个卷积层
trainable = sum(p.numel() for p in features.parameters() if p.requires_grad)
print("可训练的参数：", trainable, sep="")
