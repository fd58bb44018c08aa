import torch
from torch import nn

x = torch.zeros(2, 32, 5, 5)  # 2 个样本，每个是 32 个通道的 5x5 特征图
print(nn.Flatten())
print(nn.Flatten()(x).shape)  # 保留第 0 维（样本），其余展平：32 * 5 * 5 = 800
print(torch.flatten(x, start_dim=1).shape)  # 函数版本，效果相同
print(torch.flatten(x).shape)  # 函数的 start_dim 默认为 0：连样本也展平了
