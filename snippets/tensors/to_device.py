# .to() 需要改变设备或类型时返回新张量，什么都不用改变时返回原张量本身
import torch

x = torch.ones(2, 3)
print(x.to("cpu") is x, x.cpu() is x)  # 已经在 CPU 上：不复制

m = x.to("meta")  # meta 设备上的新张量：只有形状和类型，没有数据
print(m is x, m.device, x.device)  # x 本身没有动
print(m)

print(x.to(torch.float64) is x)  # 改变类型：同样是新张量

x.to("meta")  # 返回的新张量没有赋给变量：x 仍在 CPU 上
print(x.device)
