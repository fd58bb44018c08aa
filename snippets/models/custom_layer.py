import torch
from torch import nn


class Standardize(nn.Module):
    """用固定的均值和标准差标准化输入，再乘一个可学习的缩放系数。"""

    def __init__(self, mean, std):
        super().__init__()
        self.gain = nn.Parameter(torch.ones(len(mean)))  # 参数：自动注册，会被训练
        self.register_buffer("mean", mean)  # 缓冲区：不训练，但随模型保存、移动
        self.register_buffer("std", std)
        self.note = torch.zeros(1)  # 普通的张量属性：既不是参数，也不是缓冲区

    def forward(self, x):
        return (x - self.mean) / self.std * self.gain


layer = Standardize(mean=torch.tensor([10.0, 0.0]), std=torch.tensor([2.0, 1.0]))
print("parameters:", [name for name, _ in layer.named_parameters()])
print("buffers:", [name for name, _ in layer.named_buffers()])
print("state_dict:", list(layer.state_dict().keys()))

out = layer(torch.tensor([[12.0, 3.0]]))
print(out)
out.sum().backward()
print("gain.grad:", layer.gain.grad, "mean.requires_grad:", layer.mean.requires_grad)

layer.to(torch.float64)  # .to() 转换参数和缓冲区，不管普通属性
print(layer.gain.dtype, layer.mean.dtype, layer.note.dtype)
