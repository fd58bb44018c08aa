import torch
from torch import nn

pool = nn.MaxPool2d(kernel_size=2)  # stride 默认等于 kernel_size：窗口互不重叠
print(pool)
x = torch.tensor([[1.0, 3.0, 0.0, 2.0],
                  [4.0, 2.0, 1.0, 1.0],
                  [0.0, 5.0, 7.0, 0.0],
                  [1.0, 0.0, 2.0, 6.0]]).reshape(1, 1, 4, 4)
print(pool(x)[0, 0])  # 每个 2x2 窗口取最大值
print("参数：", list(pool.parameters()), sep="")

# 每个通道各自池化，通道数不变；边长按同一个公式向下取整：7 -> 3
print(pool(torch.zeros(2, 16, 7, 7)).shape)
