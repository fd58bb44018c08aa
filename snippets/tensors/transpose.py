# 转置：.T 交换二维张量的行和列；transpose(d0, d1) 交换任意两维
import torch

m = torch.tensor([[1, 2, 3],
                  [4, 5, 6]])  # 形状 (2, 3)
print(m.T)  # 形状 (3, 2)：原来第 i 行第 j 列的元素到了第 j 行第 i 列
print(torch.equal(m.transpose(0, 1), m.T))  # 对二维张量，transpose(0, 1) 就是 .T

x = torch.zeros(5, 2, 3)  # 5 个 2×3 的矩阵
print(x.transpose(1, 2).shape)  # 交换后两维：每个矩阵各自转置

mt = m.T  # 转置是视图：与 m 共享内存
mt.mul_(10)  # 原地修改 mt，就是修改 m
print(m)
print(mt.is_contiguous())  # 按行读 mt 的元素，它们在内存中不是挨着的
