import torch

x = torch.ones(2, 2, requires_grad=True)
print(type(x))
print(x)

torch.set_grad_enabled(False)  # 全局关闭梯度计算（对当前线程有效）
y = x * 2
w = torch.ones(3, 3)
z = torch.ones(3, 3, requires_grad=True)

torch.set_grad_enabled(True)  # 全局重新打开
m = x**2

print("x:", x.requires_grad)  # 关闭之前创建的张量不受影响
print("y:", y.requires_grad)  # 关闭期间计算得到的张量不需要梯度
print("w:", w.requires_grad)  # 新建张量本来就默认不需要梯度
print("z:", z.requires_grad)  # 显式指定 requires_grad=True 的叶子节点照样需要梯度
print("m:", m.requires_grad)  # 重新打开后计算得到的张量需要梯度
print()

# 更常见的用法：作为上下文管理器，用一个布尔值决定是否记录计算图
for is_train in (True, False):
    with torch.set_grad_enabled(is_train):
        out = x * 2
    print("is_train =", is_train, "-> out.requires_grad =", out.requires_grad)
