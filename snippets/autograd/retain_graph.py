import torch

x = torch.tensor([2.0])
w = torch.tensor([1.0], requires_grad=True)
b = torch.tensor([0.5], requires_grad=True)

# 1) 同一张图默认只能反向传播一次
z = w * x + b
z.backward()
print("第 1 次 backward，w.grad:", w.grad)
try:
    z.backward()  # 图中保存的中间结果已被释放
except RuntimeError as e:
    print("第 2 次 backward 出错：", str(e).split(" (")[0], sep="")

# 2) retain_graph=True：保留计算图，才能再次 backward
w.grad = None  # 清空梯度，重新开始
b.grad = None
z = w * x + b
z.backward(retain_graph=True)
print("retain_graph，第 1 次 backward，w.grad:", w.grad)
z.backward()  # 图还在，可以再来一次；两次的梯度相加
print("retain_graph，第 2 次 backward，w.grad:", w.grad)

# 3) 梯度累加与 retain_graph 无关：每次新建计算图再 backward，梯度同样相加
w.grad = None
b.grad = None
for step in range(3):
    z = w * x + b  # 每次前向传播都新建一张图
    z.backward()
    print("新图第", step + 1, "次 backward，w.grad:", w.grad)

# 训练时每一步都要先清零，否则会把上一步的梯度也算进去
w.grad.zero_()
print("清零后 w.grad:", w.grad)
