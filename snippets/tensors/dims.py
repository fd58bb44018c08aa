# 增加、删除和交换维度：unsqueeze、squeeze、permute、flatten
import torch

x = torch.tensor([1, 2, 3])  # 形状 (3,)
print(x.unsqueeze(0).shape)  # 在第 0 维前插入长度为 1 的维度：一行
print(x.unsqueeze(1).shape)  # 在第 1 维插入：一列

y = torch.zeros(1, 3, 1)
print(y.squeeze().shape)  # 去掉所有长度为 1 的维度
print(y.squeeze(0).shape)  # 只去掉第 0 维

img = torch.zeros(32, 48, 3)  # 图片文件常见的顺序：高 × 宽 × 通道
print(img.permute(2, 0, 1).shape)  # 改成 PyTorch 的顺序：通道 × 高 × 宽

batch = torch.zeros(8, 3, 32, 32)  # 8 张 3 通道 32×32 的图片
print(batch.flatten().shape)  # 全部展平成一维
print(batch.flatten(start_dim=1).shape)  # 保留第 0 维（样本），每个样本展平
