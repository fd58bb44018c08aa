import torch
from torch import nn

# 1 张 1 通道 4x5 的图像，形状 (N, C, H, W) = (1, 1, 4, 5)：左边暗（0），右边亮（1）
x = torch.tensor([[0.0, 0.0, 1.0, 1.0, 1.0],
                  [0.0, 0.0, 1.0, 1.0, 1.0],
                  [0.0, 0.0, 1.0, 1.0, 1.0],
                  [0.0, 0.0, 1.0, 1.0, 1.0]]).reshape(1, 1, 4, 5)
conv = nn.Conv2d(in_channels=1, out_channels=1, kernel_size=2, bias=False)
with torch.no_grad():  # 手动设置参数，不需要记录计算图
    conv.weight.copy_(torch.tensor([[[[-1.0, 1.0],
                                      [-1.0, 1.0]]]]))  # 右列减左列：对左右方向的亮度变化有反应
y = conv(x)
print(x[0, 0])
print(y[0, 0])
window = x[0, 0, 0:2, 1:3]  # 输出 y[0, 0, 0, 1] 对应的 2x2 窗口
print("窗口与卷积核逐元素相乘再求和：", (window * conv.weight[0, 0]).sum().item(), sep="")

# 多通道：每个输出通道有一个 (in_channels, kh, kw) 的卷积核和一个偏置
conv3 = nn.Conv2d(in_channels=3, out_channels=8, kernel_size=3)
print("weight:", conv3.weight.shape, "bias:", conv3.bias.shape)
print(conv3(torch.zeros(2, 3, 10, 10)).shape)  # 2 张 3 通道 10x10 的图像

# 输出边长 = (H + 2 * padding - kernel_size) // stride + 1
for k, s, p in [(3, 1, 0), (3, 1, 1), (3, 2, 1), (5, 2, 0)]:
    layer = nn.Conv2d(1, 1, kernel_size=k, stride=s, padding=p)
    h = layer(torch.zeros(1, 1, 10, 10)).shape[-1]
    print(f"kernel_size={k} stride={s} padding={p}：边长 10 -> {h}，公式 {(10 + 2 * p - k) // s + 1}")
