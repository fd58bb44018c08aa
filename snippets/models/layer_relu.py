import torch
from torch import nn

relu = nn.ReLU()
t = torch.tensor([-2.0, -0.5, 0.0, 1.5, 3.0])
print(relu(t))  # 负数变成 0，其余不变：max(0, x)
print("参数：", list(relu.parameters()), sep="")
