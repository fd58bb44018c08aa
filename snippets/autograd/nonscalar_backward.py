import torch

x = torch.tensor([1, 2], dtype=torch.float, requires_grad=True)
y = torch.tensor([2, 3], dtype=torch.float, requires_grad=True)
Q = 3 * x**2 - y**2  # 目标函数，Q 是有 2 个元素的向量

# 非标量直接 backward 会出错
try:
    Q.backward()
except RuntimeError as e:
    print("RuntimeError:", e)

ext_grad = torch.tensor([1.0, 1.0])  # 与 Q 形状相同
Q.backward(gradient=ext_grad)

print("x.grad:", x.grad)  # dQ/dx = 6x
print("y.grad:", y.grad)  # dQ/dy = -2y
