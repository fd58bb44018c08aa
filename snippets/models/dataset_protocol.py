import torch
from torch.utils.data import Dataset, TensorDataset

torch.manual_seed(0)  # 噪声是随机的：固定种子，打印的样本才可复现


class LineDataset(Dataset):
    """y = 2x + 5 + 噪声 的 n 个样本；第 i 个样本是 (x_i, y_i)。"""

    def __init__(self, n):
        self.x = torch.linspace(-1, 1, n).unsqueeze(1)  # 形状 (n, 1)：每行一个样本
        self.y = 2 * self.x + 5 + torch.rand(n, 1)

    def __len__(self):  # 样本个数
        return len(self.x)

    def __getitem__(self, i):  # 第 i 个样本
        return self.x[i], self.y[i]


data = LineDataset(40)
print(len(data))
x0, y0 = data[0]
print(x0, y0)
print(x0.shape, y0.shape)

same = TensorDataset(data.x, data.y)  # 同样的两个张量，按第 0 维逐个取样本
print(len(same), same[0])
xs, ys = same[:3]  # TensorDataset 也接受切片：一次取出前 3 个样本
print(xs.shape, ys.shape)
