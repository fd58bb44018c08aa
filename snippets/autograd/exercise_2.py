# 练习 2：每一步都要先把梯度清零
import torch

x = torch.tensor([1.0, 2.0, 3.0])
y = 2 * x  # 目标：学到 w = 2


def train(zero_grad):
    w = torch.tensor(0.0, requires_grad=True)
    for step in range(3):
        loss = ((w * x - y) ** 2).mean()
        if zero_grad:
            w.grad = None  # 清零（训练循环中是 optimizer.zero_grad()）
        loss.backward()
        with torch.no_grad():  # 手动更新参数，不记录计算图
            w -= 0.1 * w.grad
        print(f"  第 {step + 1} 步：w.grad = {w.grad.item():.4f}, w = {w.item():.4f}")


print("不清零（有问题）：")
train(zero_grad=False)
print("每步清零：")
train(zero_grad=True)
