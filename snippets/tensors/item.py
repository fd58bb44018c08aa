# .item()：把只有一个元素的张量变成 Python 数
import torch

t = torch.tensor([[1.0, 5.0, 3.0],
                  [4.0, 2.0, 6.0]])
total = t.sum()
print(total, total.item(), type(total.item()))
print(t[1, 2].item())  # 索引得到的单个元素也是张量，同样用 .item()

try:
    t.item()  # 多于一个元素
except RuntimeError as e:
    print("RuntimeError:", e)
