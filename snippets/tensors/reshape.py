# 张量变维：元素个数不变，某一维写 -1 表示由其余维推算
import torch

t1 = torch.tensor([[1, 2],
                   [3, 4],
                   [5, 6]])  # 3 行 2 列
print(t1.shape)
print(t1)
print("")

t2 = torch.reshape(t1, (1, 6))  # 1 行 6 列
print(t2.shape)
print(t2)
print("")

t3 = torch.reshape(t1, (-1, 3))  # 3 列，行数自动推算
print(t3.shape)
print(t3)
