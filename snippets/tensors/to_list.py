# tolist()：把张量变成（嵌套的）Python 列表
import torch

m = torch.tensor([[1, 2], [3, 4]])
rows = m.tolist()
print(rows, type(rows), type(rows[0][0]))  # 列表里是 Python 的 int
print(torch.tensor(2.5).tolist())  # 0 维张量：直接得到一个 Python 数
print(torch.tensor([0.1]).tolist())  # float32 存不下精确的 0.1，变成 Python 的 float 后就看得出来
