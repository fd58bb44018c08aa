from pathlib import Path

import matplotlib.pyplot as plt
import torch
from torch import nn, optim

torch.manual_seed(27)  # 初始参数是随机的：固定种子，打印的损失和参数才可复现
Path("model").mkdir(exist_ok=True)
Path("img").mkdir(exist_ok=True)


class Net(nn.Module):  # 1 -> 2 -> 1 的网络，隐藏层用 sigmoid
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(1, 2)
        self.fc2 = nn.Linear(2, 1)

    def forward(self, x):
        x = torch.sigmoid(self.fc1(x))
        return self.fc2(x)


# 样本：y = x^2 - 0.5x + 1.5625，在 [0, 1] 上取 10 个点
x = torch.linspace(0, 1, 10).reshape(10, 1)
y = x * x - 0.5 * x + 1.5625

net = Net()
optimizer = optim.SGD(net.parameters(), lr=0.1)
for n in range(5000):  # 原教程为 10000 次；5000 次已足够拟合，运行更快
    optimizer.zero_grad()  # 梯度清零
    y_pred = net(x)  # 前向计算
    loss = ((y_pred - y) ** 2).sum() / 2  # 误差平方和的一半
    loss.backward()  # 反向传播
    optimizer.step()  # 更新参数
    if n % 500 == 0:
        print(n, f"{loss.item():.4f}")
print("Finished Training!")

# 只保存参数：state_dict() 是“参数名 -> 张量”的字典
torch.save(net.state_dict(), "model/mynet-wts.pt")
for name, value in net.state_dict().items():
    print(name, value)
print("保存模型参数成功。")
print()

# 加载：先创建同样结构的模型，再把参数装进去
net2 = Net()
state = torch.load("model/mynet-wts.pt", weights_only=True)  # 只含张量，安全加载
print(net2.load_state_dict(state))
for name, value in net2.state_dict().items():
    print(name, value)

test_x = torch.linspace(0, 1, 100).reshape(100, 1)
with torch.no_grad():
    test_y = net2(test_x)
    print("与原模型的预测相同：", torch.equal(test_y, net(test_x)), sep="")

fig, ax = plt.subplots(figsize=(6, 4))
ax.plot(x.numpy(), y.numpy(), "k*", label="samples")
ax.plot(test_x.numpy(), test_y.numpy(), "b-", label="new model with loaded state_dict")
ax.set_title("New Model Pred")
ax.set_xlabel("x")
ax.set_ylabel("y")
ax.legend()
fig.savefig("img/models_state_dict_fit.png", dpi=100, bbox_inches="tight")
plt.close(fig)
