import torch
from torch import nn

x = torch.zeros(4, 1, 28, 28)  # 4 张 1 通道 28x28 的图像
conv = nn.Conv2d(1, 6, kernel_size=5)
relu = nn.ReLU()
pool = nn.MaxPool2d(2)
flatten = nn.Flatten()
fc = nn.Linear(6 * 14 * 14, 10)  # 错误：以为卷积后仍是 28x28，池化后 14x14

h = flatten(pool(relu(conv(x))))
try:
    fc(h)
except RuntimeError as e:
    print("RuntimeError:", e)

# 逐层打印形状，找出哪里算错了
h = x
for layer in [conv, relu, pool, flatten]:
    h = layer(h)
    print(f"{type(layer).__name__:<10}{tuple(h.shape)}")

fc = nn.Linear(6 * 12 * 12, 10)  # 改正：28 - 5 + 1 = 24，池化后 12
print("输出：", tuple(fc(h).shape), sep="")
for layer in [conv, fc]:
    print(type(layer).__name__, "weight", tuple(layer.weight.shape), "bias", tuple(layer.bias.shape))
