import torch
from torch.utils.data import DataLoader, TensorDataset

x = torch.arange(10.0).unsqueeze(1)  # 10 个样本，每个 1 个特征：0, 1, ..., 9
y = torch.arange(10)  # 每个样本的标签
dataset = TensorDataset(x, y)

# 每轮打乱顺序；generator 固定打乱用的随机数，打印的顺序才可复现
loader = DataLoader(dataset, batch_size=4, shuffle=True, generator=torch.Generator().manual_seed(0))
print(f"批量个数：{len(loader)}")
for xb, yb in loader:
    print(xb.shape, yb.shape, yb.tolist())

batch = next(iter(loader))  # 再取一个批量：新的一轮，重新打乱
print(type(batch), len(batch), batch[1].tolist())

drop = DataLoader(dataset, batch_size=4, drop_last=True)  # 不打乱，丢掉凑不满的最后一批
print(f"drop_last=True：{len(drop)} 个批量", [yb.tolist() for _, yb in drop])
