# 均匀分割：torch.chunk 把张量分成指定的块数
import torch

a = torch.tensor([[1, 2],
                  [2, 4],
                  [3, 6],
                  [4, 8]])

b = torch.chunk(a, chunks=2, dim=0)  # 沿行方向分成 2 块
for item in b:
    print(item)
    print("")

c = torch.chunk(a, chunks=2, dim=1)  # 沿列方向分成 2 块
for item in c:
    print(item)
    print("")
