import torch


@torch.no_grad()  # 装饰器：函数体内不记录计算图
def doubler(x):
    return x * 2


@torch.enable_grad()  # 装饰器：即使外面关闭了梯度，函数体内也重新打开
def tripler(x):
    return x * 3


x = torch.ones(2, 2, requires_grad=True)
print(type(x))
print(x)
print()

with torch.no_grad():  # with 语句块：块内不记录计算图
    y = x * 2
print("y:", y.requires_grad)  # y 不需要梯度
print("x:", x.requires_grad)  # x 本身不受影响
print()

z = doubler(x)
print("z:", z.requires_grad)  # z 不需要梯度
print("x:", x.requires_grad)  # x 本身不受影响
print()

with torch.no_grad():
    with torch.enable_grad():  # 在 no_grad 块中局部打开
        u = x * 2
    v = tripler(x)  # 装饰器方式打开
    t = x * 2  # 仍在 no_grad 中
print("u:", u.requires_grad)
print("v:", v.requires_grad)
print("t:", t.requires_grad)
print()

with torch.no_grad():
    s = x[0]  # 切片是 x 的视图：requires_grad 随 x 仍为 True，但同样不记录计算历史
print("s:", s.requires_grad, s.grad_fn)
