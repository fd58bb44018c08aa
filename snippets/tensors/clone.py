# clone()：复制出一个独立的张量
import torch

t = torch.tensor([1, 2, 3])
same = t  # 同一个张量的另一个名字，不是复制
view = t[:2]  # 切片：共享内存的视图
copy = t.clone()  # 复制数据：新的一块内存，形状、类型与 t 相同

t[0] = 100
print(same, view, copy)  # 只有 copy 没有跟着变
