# 经过 Python 的 while 和 if 也能求梯度：autograd 记录的是这一次实际执行的运算
import torch


def f(a):
    b = a * 2
    while b.norm() < 1000:  # 循环几次取决于 a 的值
        b = b * 2
    if b.sum() > 0:  # 走哪个分支也取决于 a 的值
        c = b
    else:
        c = 100 * b
    return c


torch.manual_seed(0)  # a 是随机数：固定种子，输出才可复现
a = torch.randn(size=(), requires_grad=True)
d = f(a)
d.backward()
print(a)
print(a.grad, d / a, a.grad == d / a)  # f 对这个 a 是线性的：d = k·a，梯度就是 k

a = torch.tensor(-0.5, requires_grad=True)  # 负数走 else 分支，循环次数也不同
d = f(a)
d.backward()
print(a.grad, a.grad == d / a)
