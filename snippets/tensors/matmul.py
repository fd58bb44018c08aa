# 矩阵乘法 @ 与逐元素乘法 *
import torch

A = torch.tensor([[1.0, 2.0],
                  [3.0, 4.0]])
B = torch.tensor([[5.0, 6.0],
                  [7.0, 8.0]])
print(A * B)  # 逐元素相乘
print(A @ B)  # 矩阵乘法：第 i 行与第 j 列的内积
print(torch.matmul(A, B))  # 与 @ 相同

v = torch.tensor([1.0, 1.0])
print(A @ v)  # 矩阵乘向量：(2, 2) @ (2,) -> (2,)
print(v @ v)  # 两个向量：内积，0 维张量

X = torch.ones(10, 3, 4)  # 10 个 3×4 的矩阵
print((X @ torch.ones(4, 5)).shape)  # 前面的维度当作批量：(10, 3, 5)

try:
    torch.ones(2, 3) @ torch.ones(2, 3)  # 3 列与 2 行对不上
except RuntimeError as e:
    print("RuntimeError:", e)
