# 索引与切片：写法与 Python 列表、NumPy 数组相同
import torch

t = torch.arange(12).reshape(3, 4)
print(t)
print(t[0])  # 第 0 行
print(t[1, 2])  # 第 1 行第 2 列：一个 0 维张量
print(t[:, 1])  # 第 1 列
print(t[-1])  # 最后一行
print(t[0:2, 1:3])  # 第 0、1 行与第 1、2 列交叉处
print(t[:, ::2])  # 每隔一列取一列

row = t[0]  # 切片是视图，与 t 共享内存
row[0] = 100  # 给切片赋值，就是原地修改 t
print(t[0])
