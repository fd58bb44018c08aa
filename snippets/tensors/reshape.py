# 张量变维：元素个数不变，某一维写 -1 表示由其余维推算
import torch

t1 = torch.tensor([[1, 2],
                   [3, 4],
                   [5, 6]])  # 3 行 2 列
print(t1.shape)
print(t1)
print(t1.size(), t1.size(1), t1.numel())  # size() 就是 shape；size(1) 是第 1 维的长度；numel() 是元素总数
print("")

t2 = torch.reshape(t1, (1, 6))  # 1 行 6 列
print(t2.shape)
print(t2)
print("")

t3 = torch.reshape(t1, (-1, 3))  # 3 列，行数自动推算：6 / 3 = 2
print(t3.shape)
print(t3)
