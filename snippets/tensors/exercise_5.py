# 练习 5：不写循环，求预测类别、准确率，并让每行减去该行的均值
import torch

scores = torch.tensor([[0.5, 2.0, 0.25, 1.25],
                       [1.5, 0.5, 0.0, 2.0],
                       [0.25, 0.5, 3.0, 0.25]])  # 3 个样本 × 4 个类别
labels = torch.tensor([1, 3, 3])  # 正确的类别

pred = scores.argmax(dim=1)  # 每行得分最高的位置
print(pred)
correct = (pred == labels).sum().item()  # 布尔张量求和 = True 的个数
print(f"正确 {correct} 个，准确率 {correct / len(labels):.2f}")

try:
    scores - scores.mean(dim=1)  # (3, 4) 与 (3,)：最后一维 4 与 3 不相容
except RuntimeError as e:
    print("RuntimeError:", e)
print(scores - scores.mean(dim=1, keepdim=True))  # (3, 4) 与 (3, 1)：每行减去自己的均值
