import torch

torch.manual_seed(0)  # w、b 是随机初始化的：固定种子，每次运行打印的值都一样

x = torch.tensor([2.0])  # 输入，不需要梯度
w = torch.randn(1, requires_grad=True)  # 权重
b = torch.randn(1, requires_grad=True)  # 偏置
print("w =", w)
print("b =", b)

# 前向传播：z = w * x + b
y = torch.mul(w, x)  # 等价于 w * x
z = torch.add(y, b)  # 等价于 y + b

print("x.requires_grad:", x.requires_grad)
print("w.requires_grad:", w.requires_grad)
print("b.requires_grad:", b.requires_grad)
print("y.requires_grad:", y.requires_grad)

print("x.is_leaf:", x.is_leaf)
print("w.is_leaf:", w.is_leaf)
print("b.is_leaf:", b.is_leaf)
print("y.is_leaf:", y.is_leaf)
print("z.is_leaf:", z.is_leaf)

print("x.grad_fn:", x.grad_fn)
print("w.grad_fn:", w.grad_fn)
print("b.grad_fn:", b.grad_fn)
print("y.grad_fn:", y.grad_fn)
print("z.grad_fn:", z.grad_fn)

y.retain_grad()  # 非叶子节点默认不保存梯度；要看 y.grad 需先调用 retain_grad()
z.backward()  # 反向传播；之后计算图中保存的中间结果被释放

print("w.grad:", w.grad)  # dz/dw = x = 2
print("b.grad:", b.grad)  # dz/db = 1
print("y.grad:", y.grad)  # dz/dy = 1（因为调用了 retain_grad）
print("x.grad:", x.grad)  # x 不需要梯度，所以没有梯度
