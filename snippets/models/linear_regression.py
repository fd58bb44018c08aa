from pathlib import Path

import matplotlib.pyplot as plt
import torch
from torch import nn

torch.manual_seed(0)  # 数据噪声和模型初始参数都是随机的：固定种子，打印的损失才可复现
Path("img").mkdir(exist_ok=True)


class LinearRegression(nn.Module):
    def __init__(self):
        super().__init__()  # 先调用父类构造函数
        self.linear = nn.Linear(1, 1)  # 输入、输出都是 1 维

    def forward(self, x):
        return self.linear(x)


model = LinearRegression()
print(model)

num_epochs = 1000  # 迭代次数
learning_rate = 1e-2  # 学习率
loss_fn = nn.MSELoss()  # 均方误差损失
optimizer = torch.optim.SGD(model.parameters(), lr=learning_rate)

# 数据集：y = 2x + 5 + 噪声；unsqueeze 把形状 (40,) 变成 (40, 1)，每行一个样本
x = torch.unsqueeze(torch.linspace(-1, 1, 40), dim=1)
y = x * 2 + 5 + torch.rand(x.size())

losses = []
for epoch in range(num_epochs):
    y_pred = model(x)  # 前向计算
    loss = loss_fn(y_pred, y)  # 计算损失
    optimizer.zero_grad()  # 清空上一步的梯度，防止累加
    loss.backward()  # 反向传播
    optimizer.step()  # 更新参数
    losses.append(loss.item())
    if epoch % 100 == 0:
        print(f"[{epoch}/{num_epochs}]  loss: {loss.item():.4f}")

w, b = model.linear.weight.item(), model.linear.bias.item()
print(f"w = {w:.4f}, b = {b:.4f}")

with torch.no_grad():  # 画图只需前向计算，不需要计算图
    y_fit = model(x)

fig, ax = plt.subplots(figsize=(6, 4))
ax.scatter(x.numpy(), y.numpy(), label="samples")
ax.plot(x.numpy(), y_fit.numpy(), "r-", label=f"fit: y = {w:.2f}x + {b:.2f}")
ax.set_title("Linear Regression")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.legend()
fig.savefig("img/models_linear_regression_fit.png", dpi=100, bbox_inches="tight")
plt.close(fig)

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(losses, c="red")
ax.set_title("Losses")
ax.set_xlabel("epoch")
ax.set_ylabel("MSE loss")
fig.savefig("img/models_linear_regression_loss.png", dpi=100, bbox_inches="tight")
plt.close(fig)
