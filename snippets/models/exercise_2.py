# 练习 2：放在普通列表里的层不会被注册
import torch
from torch import nn


class ListNet(nn.Module):  # 有问题的写法
    def __init__(self):
        super().__init__()
        self.layers = [nn.Linear(3, 3), nn.Linear(3, 1)]


class ModuleListNet(nn.Module):  # 改正：用 nn.ModuleList
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Linear(3, 3), nn.Linear(3, 1)])


for net in (ListNet(), ModuleListNet()):
    names = [name for name, _ in net.named_parameters()]
    print(type(net).__name__, len(names), names)
    try:
        torch.optim.SGD(net.parameters(), lr=0.1)
        print("  优化器创建成功")
    except ValueError as e:
        print("  ValueError:", e)
