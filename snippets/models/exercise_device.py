import torch
from torch.utils.data import DataLoader, TensorDataset

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")
loader = DataLoader(TensorDataset(torch.ones(4, 2), torch.zeros(4)), batch_size=2)

xb, yb = next(iter(loader))
xb.to(device)  # 返回的新张量没有被接住，随即丢弃
print(xb.device)  # 仍在 CPU 上：在 GPU 机器上，这样的 xb 送进模型就会报设备不一致的错
xb = xb.to(device)  # 正确：用返回值替换原来的名字
print(xb.device.type == device.type)
