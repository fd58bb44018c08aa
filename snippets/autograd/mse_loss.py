# 均方误差：手写，与 nn.MSELoss、F.mse_loss 比较
import torch
import torch.nn as nn
import torch.nn.functional as F

km = torch.tensor([1.0, 3.0, 5.0, 8.0])  # 四次打车的行程（公里）
fare = torch.tensor([13.0, 17.0, 20.0, 27.0])  # 实际付的车费（元）
w, b = 2.0, 10.0  # 猜一个计价规则：每公里 2 元，另加 10 元
pred = w * km + b
print("预测：", pred, sep="")
print("误差：", pred - fare, sep="")

print("手写 ((pred - fare)**2).mean()：", ((pred - fare) ** 2).mean(), sep="")
print("nn.MSELoss()：", nn.MSELoss()(pred, fare), sep="")  # 先创建损失对象，再像函数一样调用
print("F.mse_loss：", F.mse_loss(pred, fare), sep="")  # 函数形式，结果相同
print("默认的 reduction：", nn.MSELoss().reduction, sep="")
print("reduction='sum'：", nn.MSELoss(reduction="sum")(pred, fare), sep="")
