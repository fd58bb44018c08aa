# 第一个梯度：动能 E = ½ m v² 对速度 v 和质量 m 的偏导数
import torch

m = torch.tensor(2.0, requires_grad=True)  # 质量 2 kg；requires_grad=True：请 autograd 记录对它的运算
v = torch.tensor(3.0, requires_grad=True)  # 速度 3 m/s
print(v.grad)  # 还没有求过梯度：None

E = 0.5 * m * v**2  # 动能，单位焦耳
print(E)

E.backward()  # 反向传播：求 E 对 m、v 的偏导数，分别存进 m.grad、v.grad
print("dE/dv:", v.grad, "手算 m·v =", m.item() * v.item())
print("dE/dm:", m.grad, "手算 v²/2 =", v.item() ** 2 / 2)
