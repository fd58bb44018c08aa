# 练习 3：chunk 与 split 各得到几块、每块多大
import torch

t = torch.arange(10)
print([len(c) for c in torch.chunk(t, 4)])  # 每块 ceil(10 / 4) = 3 个
print([len(c) for c in torch.split(t, 4)])  # 每块 4 个，最后一块是余下的
print([len(c) for c in torch.chunk(torch.arange(6), 4)])  # 每块 ceil(6 / 4) = 2 个，只有 3 块
