import torch
from torch import nn

device = torch.device("cuda" if torch.cuda.is_available() else "cpu")  # 有 GPU 用 GPU，否则用 CPU

model = nn.Linear(2, 1)
weight = model.weight
print(model.to(device) is model)  # 模块的 .to 移动自己的参数，返回的就是这个模块
print(model.weight is weight)  # 参数还是原来那个对象
print(model.weight.device.type == device.type)

# 在 CPU 上也能看出区别：换成 float64 同样由 .to 完成
print(model.to(torch.float64) is model, model.weight.dtype)
t = torch.ones(2)
t64 = t.to(torch.float64)  # 张量的 .to 返回一个新张量，原张量不变
print(t64 is t, t.dtype, t64.dtype)
