from pathlib import Path

import matplotlib.pyplot as plt
import torch
from matplotlib import cbook
from torch import nn

Path("img").mkdir(exist_ok=True)

# matplotlib 自带的照片（公有领域）：RGB，uint8
with cbook.get_sample_data("grace_hopper.jpg") as f:
    photo = torch.tensor(plt.imread(f, format="jpg")).float() / 255  # (H, W, 3)，取值 0~1
gray = photo.mean(dim=2)[::4, ::4]  # 三个通道取平均得到灰度；高和宽都每 4 个像素取 1 个
x = gray.reshape(1, 1, *gray.shape)  # (N, C, H, W)

conv = nn.Conv2d(1, 2, kernel_size=3, bias=False)  # 2 个输出通道，各有一个 3x3 卷积核
sobel = torch.tensor([[-1.0, 0.0, 1.0],
                      [-2.0, 0.0, 2.0],
                      [-1.0, 0.0, 1.0]])  # 右减左：对竖直的边缘有反应
with torch.no_grad():
    conv.weight.copy_(torch.stack([sobel, sobel.T]).reshape(2, 1, 3, 3))  # 第 1 个核：下减上，对水平的边缘有反应
pool = nn.MaxPool2d(2)

with torch.no_grad():  # 只看结果，不需要计算图
    edges = conv(x)
    pooled = pool(edges)
print("输入：", tuple(x.shape), sep="")
print("卷积：", tuple(edges.shape), sep="")
print("池化：", tuple(pooled.shape), sep="")

edge = (-edges.abs().max().item(), edges.abs().max().item())  # 输出有正有负：0 画成中间的灰色
panels = [
    (x[0, 0], (0, 1), f"input\n{tuple(x.shape)}"),
    (edges[0, 0], edge, f"conv, channel 0 (vertical edges)\n{tuple(edges.shape)}"),
    (edges[0, 1], edge, f"conv, channel 1 (horizontal edges)\n{tuple(edges.shape)}"),
    (pooled[0, 0], edge, f"max pool of channel 0\n{tuple(pooled.shape)}"),
]
fig, axes = plt.subplots(1, 4, figsize=(16, 4.4))
for ax, (image, (low, high), title) in zip(axes, panels):
    ax.imshow(image.numpy(), cmap="gray", vmin=low, vmax=high, interpolation="nearest")  # 每个像素画成一个方块
    ax.set_title(title, fontsize=10)
    ax.axis("off")
fig.savefig("img/models_conv_pool.png", dpi=80, bbox_inches="tight")
plt.close(fig)
