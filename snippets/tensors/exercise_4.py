# 练习 4：把转置后的矩阵拉成一行
import torch

m = torch.tensor([[1, 2, 3],
                  [4, 5, 6]])
mt = m.T  # 转置：不复制数据，只改变步长，结果不连续
print(mt.is_contiguous())

try:
    mt.view(6)  # 要把 6 个元素按 1, 4, 2, 5, 3, 6 排成一行，在原内存上做不到
except RuntimeError as e:
    print("view 出错：", str(e).split(" (")[0], sep="")

print(mt.reshape(6))  # reshape 在需要时复制数据
print(mt.contiguous().view(6))  # 或者先复制成连续的张量，再 view
