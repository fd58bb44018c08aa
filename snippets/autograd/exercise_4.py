# 练习 4：查看非叶子节点 y 的梯度
import torch

x = torch.tensor([1.0, 2.0], requires_grad=True)
y = x * 2
z = (y**2).sum()
y.retain_grad()  # 必须在 backward() 之前调用
z.backward()
print("dz/dy =", y.grad)  # 2y
print("dz/dx =", x.grad)  # 2y * 2 = 8x
