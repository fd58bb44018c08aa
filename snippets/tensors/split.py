# 按大小分割：torch.split 指定每块的大小，最后一块可以小一些
import torch

a = torch.tensor([[1, 2, 3],
                  [2, 4, 6],
                  [3, 6, 9],
                  [4, 8, 12],
                  [5, 10, 15]])

b = torch.split(a, split_size_or_sections=3, dim=0)  # 每块 3 行：3 + 2
for item in b:
    print(item)
    print("")

c = torch.split(a, split_size_or_sections=2, dim=1)  # 每块 2 列：2 + 1
for item in c:
    print(item)
    print("")

d = torch.split(a, split_size_or_sections=[1, 4], dim=0)  # 用列表指定每块的大小
print([item.shape for item in d])
