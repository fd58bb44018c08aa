# 三维张量连接：形状为 (3, 2, 2)，可以看成 3 个 2×2 的矩阵
import torch

tt_1 = torch.tensor([[[1, 1],
                      [2, 2]],
                     [[3, 3],
                      [4, 4]],
                     [[5, 5],
                      [6, 6]]])
tt_2 = torch.tensor([[[11, 11],
                      [22, 22]],
                     [[33, 33],
                      [44, 44]],
                     [[55, 55],
                      [66, 66]]])

tt_3 = torch.cat([tt_1, tt_2], dim=0)  # 第 0 维：矩阵的个数相加
print(tt_3.shape)
print(tt_3)

print(torch.cat([tt_1, tt_2], dim=1).shape)  # 第 1 维：每个矩阵的行数相加
print(torch.cat([tt_1, tt_2], dim=2).shape)  # 第 2 维：每个矩阵的列数相加
