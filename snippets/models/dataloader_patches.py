from pathlib import Path

import matplotlib.pyplot as plt
import torch
import torchvision.transforms as transforms
from matplotlib import cbook
from PIL import Image
from torch.utils.data import DataLoader, Dataset

Path("img").mkdir(exist_ok=True)


class PhotoPatches(Dataset):
    """把一张照片缩成 128×128，切成 4×4 块 32×32 的小图；标签是小图所在的行（0 是最上面一行）。"""

    def __init__(self, photo, transform):
        self.photo = photo.crop((0, 0, 512, 512)).resize((128, 128))
        self.transform = transform

    def __len__(self):
        return 16

    def __getitem__(self, i):
        row, col = divmod(i, 4)
        patch = self.photo.crop((32 * col, 32 * row, 32 * col + 32, 32 * row + 32))
        return self.transform(patch), row  # 与 torchvision 的数据集一样：取样本时才做预处理


with cbook.get_sample_data("grace_hopper.jpg") as f:
    photo = Image.open(f).convert("RGB")
transform = transforms.Compose([
    transforms.ToTensor(),
    transforms.Normalize((0.5, 0.5, 0.5), (0.5, 0.5, 0.5)),
])
loader = DataLoader(PhotoPatches(photo, transform), batch_size=8, shuffle=True,
                    generator=torch.Generator().manual_seed(0))  # 固定打乱的顺序
images, labels = next(iter(loader))
print(images.shape, images.dtype)
print(labels)

fig, axes = plt.subplots(2, 4, figsize=(6, 3.6))
for ax, image, label in zip(axes.flat, images, labels):
    ax.imshow((image * 0.5 + 0.5).permute(1, 2, 0).numpy())  # 撤销 Normalize，C×H×W -> H×W×C
    ax.set_title(f"label {label.item()}", fontsize=9)
    ax.axis("off")
fig.suptitle("One batch: images [8, 3, 32, 32], labels [8]")
fig.tight_layout()
fig.savefig("img/models_dataloader_batch.png", dpi=100)
plt.close(fig)
