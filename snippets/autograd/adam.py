# Adam：同一个打车问题，每个参数有自己的步长
import torch

km = torch.tensor([1.0, 3.0, 5.0, 8.0])
fare = torch.tensor([13.0, 17.0, 20.0, 27.0])


def mse(w, b):
    return ((w * km + b - fare) ** 2).mean()


def train(optimizer_class, lr, steps=300):
    w = torch.tensor(0.0, requires_grad=True)
    b = torch.tensor(0.0, requires_grad=True)
    optimizer = optimizer_class([w, b], lr=lr)
    for step in range(steps):
        loss = mse(w, b)
        optimizer.zero_grad()
        loss.backward()
        optimizer.step()
        if step == 0:
            print(f"  第 1 步：w.grad = {w.grad.item():.1f}，b.grad = {b.grad.item():.1f}；"
                  f"更新后 w = {w.item():.4f}，b = {b.item():.4f}")
            for name, value in optimizer.state[w].items():  # 这个优化器为 w 保存的状态
                print(f"    state[w]['{name}'] = {value.item():g}")
    print(f"  {steps} 步之后：w = {w.item():.4f}，b = {b.item():.4f}，loss = {mse(w, b).item():.4f}")


print("SGD(lr=0.02)：")
train(torch.optim.SGD, lr=0.02)
print("Adam(lr=0.5)：")
train(torch.optim.Adam, lr=0.5)
