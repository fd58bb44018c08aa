import torch
from torch.utils.data import DataLoader, TensorDataset

labels = torch.zeros(50000, dtype=torch.long)  # 只关心个数：5 万个样本，内容无所谓
dataset = TensorDataset(labels)
for drop_last in (False, True):
    loader = DataLoader(dataset, batch_size=128, drop_last=drop_last)
    sizes = [len(batch) for (batch,) in loader]
    print(f"drop_last={drop_last}：{len(loader)} 个批量，最后一个有 {sizes[-1]} 个样本，共 {sum(sizes)} 个")
