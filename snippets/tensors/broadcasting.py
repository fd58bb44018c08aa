# 广播：形状不同的张量做逐元素运算
import torch

a = torch.tensor([[0], [10], [20]])  # 形状 (3, 1)
b = torch.tensor([[0, 1]])  # 形状 (1, 2)
print(a + b)  # 两者都沿长度为 1 的维度复制：(3, 2)

x = torch.ones(2, 3)
print(x + torch.tensor([10, 20, 30]))  # (2, 3) 与 (3,)：把 (3,) 看成 (1, 3)，每行都加
print(x * 2)  # 标量可以与任何形状的张量运算

try:
    x + torch.tensor([10, 20])  # (2, 3) 与 (2,)：最后一维 3 与 2 不相容
except RuntimeError as e:
    print("RuntimeError:", e)
