# optimizer.step() 做的事，与手写的更新逐位相同
import torch

km = torch.tensor([1.0, 3.0, 5.0, 8.0])  # 行程（公里）
fare = torch.tensor([13.0, 17.0, 20.0, 27.0])  # 车费（元）
lr = 0.02  # 学习率：每一步沿负梯度走多远


def mse(w, b):
    return ((w * km + b - fare) ** 2).mean()


# 手写：在 no_grad 中原地更新叶子张量，再把梯度清空
w = torch.tensor(0.0, requires_grad=True)
b = torch.tensor(0.0, requires_grad=True)
for step in range(3):
    loss = mse(w, b)
    loss.backward()
    with torch.no_grad():
        w -= lr * w.grad
        b -= lr * b.grad
    w.grad = None
    b.grad = None
    print(f"手写   第 {step + 1} 步：loss = {loss.item():8.4f}，w = {w.item():.4f}，b = {b.item():.4f}")

# 交给优化器：SGD 的 step() 就是上面的 w -= lr * w.grad，zero_grad() 就是清空梯度
w2 = torch.tensor(0.0, requires_grad=True)
b2 = torch.tensor(0.0, requires_grad=True)
optimizer = torch.optim.SGD([w2, b2], lr=lr)  # 告诉它要更新哪些张量、学习率多大
for step in range(3):
    loss = mse(w2, b2)
    optimizer.zero_grad()  # 梯度会累加：每一步先清空
    loss.backward()
    optimizer.step()  # 按 .grad 更新 w2、b2
    print(f"优化器 第 {step + 1} 步：loss = {loss.item():8.4f}，w = {w2.item():.4f}，b = {b2.item():.4f}")

print("逐位相同：", torch.equal(w, w2) and torch.equal(b, b2), sep="")
optimizer.zero_grad()
print("zero_grad() 之后：", w2.grad, sep="")
