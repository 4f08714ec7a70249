"""English behavioural cases: per intent rule, canonical breaches, hand-written
perturbations of them, and compliant near-misses.

Written as a seller would write them, in varied wording; not taken from the
lexicons. Perturbations the generator makes itself (a hard line break, a
one-letter typo) are not listed here (tests/behaviour/suite.py).
"""

# rule -> {"canonical": [...], perturbation -> [...], "near_miss": [...]}
CASES: dict[str, dict[str, list[str]]] = {
    "review.incentive": {
        "canonical": [
            "We will send you a $10 gift card for a 5-star review.",
            "Leave us a review on Amazon and we'll refund 20% of your order.",
            "If you write a review of the kettle, you get a free replacement filter.",
            "Post your feedback and receive a bonus accessory as our thank-you.",
        ],
        "word_forms": [
            "After posting a review, you will be refunded $5.",
            "Customers reviewing our lamp receive a free bulb.",
            "Once you've reviewed the order, we refund the shipping cost.",
        ],
        "passive": [
            "A $15 voucher will be sent to you once your review has been posted.",
            "Every buyer who leaves feedback will be given a free gift.",
            "Your shipping fee will be refunded when a review is written.",
        ],
        "word_order": [
            "A free phone case is yours if you leave a review.",
            "For every honest review we send a $5 Amazon gift card.",
            "To thank you for your review, we will refund $8.",
        ],
        "split": [
            "Please leave us a review on Amazon. We will then send you a $10 gift card.",
            "Could you write a short review for us? In return you'll get a free sample.",
            "Just share your feedback on the product page. Afterwards we'll refund you 15%.",
        ],
        "british": [
            "We'll send you a £10 voucher for a favourable review.",
            "Leave a review and we will reimburse the postage as a thank-you.",
            "If you leave a review we'll give you a free colour-matched cover.",
        ],
        "modifiers": [
            "We will gladly send you a $25 gift card for a quick review.",
            "Leave a short review and we'll refund 50% of the price.",
            "We can offer a free second pair for an honest review.",
        ],
        "padding": [
            "We would be very grateful if you could leave a review, and of course we'll send you a $10 gift card for it.",
            "If it's not too much trouble, please leave a review and we will kindly refund your shipping.",
            "As a small family business, we would love to offer you a free gift for writing a review.",
        ],
        "chinese_english": [
            "Kindly give us good review, we will return you 5 dollars.",
            "If you leave five-star praise, we give you cashback 10 USD.",
            "Please write review for us, we send you free gift. 好评返现",
        ],
        "near_miss": [
            "Thank you for your feedback; we have refunded $15.",
            "We have issued a full refund for the damaged kettle.",
            "Thank you for your review. We are sorry the lid was loose and have sent a free replacement.",
            "Your refund of $20 has been processed; it may take 3-5 days to appear.",
            "We read every review carefully to improve our products.",
            "If you have any issue, we will refund or replace the item.",
        ],
    },
    "review.positive": {
        "canonical": [
            "We'd love 5 stars!",
            "A 5-star rating would mean the world to us.",
            "Please leave us a positive review on Amazon.",
            "Could you give us a five-star review?",
        ],
        "word_forms": [
            "We are hoping for a five-star rating from you.",
            "Rating us 5 stars would help our small shop a lot.",
            "Please consider giving us glowing feedback.",
        ],
        "passive": [
            "A five-star review from you would be greatly appreciated.",
            "Positive feedback is much appreciated by our team.",
            "It would be appreciated if a 5-star rating could be left.",
        ],
        "word_order": [
            "5 stars is what we hope you'll give us!",
            "Five stars, please, if you have a moment!",
            "A good review we would really appreciate.",
        ],
        "split": [
            "Could you leave a review for us? Five stars would be amazing.",
            "We have a favour to ask. Please give us a great rating on Amazon.",
            "Please rate your purchase. We hope for ★★★★★!",
        ],
        "british": [
            "We would be honoured to receive a favourable review.",
            "Please leave favourable feedback if you can.",
            "A 5 star review would really make our day, cheers!",
        ],
        "modifiers": [
            "Please give us a very positive review.",
            "We'd really love a full 5-star rating from you.",
            "Please leave us an excellent review today.",
        ],
        "padding": [
            "If it's not too much to ask, we would be very grateful for a 5-star review.",
            "When you have a spare minute, kindly leave us a great review.",
            "We know you're busy, but a five-star rating would truly mean a lot to us.",
        ],
        "chinese_english": [
            "Please give us five-star praise, thank you very much.",
            "Kindly give us good review, it is very important to us.",
            "Hope you can give 5 star good comment for us. 五星好评",
        ],
        "near_miss": [
            "Our lamp has hundreds of 5-star reviews from happy customers.",
            "Please leave an honest review, whether positive or negative.",
            "We read every review, good or bad, to improve.",
            "The 5-star hotel-grade towels are packed in two boxes.",
            "Please share your honest experience in a review on Amazon.",
            "Thank you for the kind words in your message.",
        ],
    },
    "review.conditional": {
        "canonical": [
            "If you are happy with the blender, please leave a review.",
            "If our product has met your expectations, please take a moment to leave a review.",
            "If our service make you satisfied, we hope you can give us a feedback.",
            "If you are not satisfied, please contact us before leaving a review.",
        ],
        "word_forms": [
            "If you were pleased with your order, we'd appreciate a review.",
            "Enjoyed the lamp? If so, please write a review.",
            "If you're satisfied with the purchase, reviewing it would help us.",
        ],
        "passive": [
            "If you have been satisfied by our service, a review would be appreciated.",
            "If your expectations were met, a review would be welcome.",
            "If the item was liked by your family, please leave a review.",
        ],
        "word_order": [
            "Please leave a review if you are happy with the lamp.",
            "A review would help us a lot, if you love the blanket.",
            "Please contact us first, before you leave a review, if anything is wrong.",
        ],
        "split": [
            "We hope you are happy with the tent. If so, please leave a review on Amazon.",
            "If everything is fine with your order, we'd love to hear from you. Please leave a review on Amazon.",
            "If you are not satisfied, please contact us first. We'll fix it before you write a review.",
        ],
        "british": [
            "If you're pleased with the colour, please leave a review.",
            "If our product met your expectations, we'd be grateful for a favourable word in a review.",
            "If you are satisfied with the organiser, please leave feedback.",
        ],
        "modifiers": [
            "If you are really happy with the blender, please leave a review.",
            "If you're 100% satisfied, please leave us a quick review.",
            "If you are completely delighted with it, please write a short review.",
        ],
        "padding": [
            "If you are happy with your purchase, we would be very grateful if you could kindly leave a review.",
            "If you're satisfied, it would mean so much to our little team if you wrote a review.",
            "If everything went well, we'd truly appreciate it if you took a moment to leave a review.",
        ],
        "chinese_english": [
            "If you feel satisfactory with our product, kindly leave a review for us.",
            "If our product make you satisfied, please give us a good feedback.",
            "If you satisfy with the item, please write review to us, thanks.",
        ],
        "near_miss": [
            "Whether you are happy or not, please leave an honest review.",
            "If you have a minute, please leave a review of your order on Amazon.",
            "If you have any problems, please contact us and we will help.",
            "If you like, you can also leave a review on Amazon.",
            "If the parcel has not arrived by Friday, please let us know.",
            "We are glad you are happy with the replacement.",
        ],
    },
    "review.change-request": {
        "canonical": [
            "Would you mind removing the 1-star review you left last week?",
            "Could you please delete the negative review?",
            "Please update your feedback now that the issue is solved.",
            "We kindly ask you to change your rating.",
        ],
        "word_forms": [
            "We'd appreciate you removing your negative feedback.",
            "Would you consider updating the review you posted?",
            "Changing your 2-star rating would help us a lot.",
        ],
        "passive": [
            "We hope the negative review can be removed.",
            "It would be appreciated if your feedback could be updated.",
            "Could the 1-star rating be taken down, please?",
        ],
        "word_order": [
            "The review you left, could you please delete it?",
            "Your negative feedback, would you be willing to remove it?",
            "Please, the 1-star review, could you revise it?",
        ],
        "split": [
            "You left us feedback last week. Could you take it down?",
            "We saw your 1-star review. Would you please remove it?",
            "The problem is solved now. Please update your review on Amazon.",
        ],
        "british": [
            "Could you kindly revise your unfavourable review?",
            "Would you reconsider the feedback you left, now that the colour issue is sorted?",
            "Please amend your rating, we have apologised for the delay.",
        ],
        "modifiers": [
            "Could you please quickly remove the very negative review?",
            "Would you mind deleting your 1-star review from yesterday?",
            "Please change your 3-star rating to something higher.",
        ],
        "padding": [
            "We would be extremely grateful if you could please remove the review you left.",
            "If it's not too much trouble, would you consider deleting your negative feedback?",
            "Sorry to bother you, but we would really appreciate it if you updated your review.",
        ],
        "chinese_english": [
            "Kindly help us remove the bad review, thank you.",
            "Please help to delete the negative feedback, we already solved problem.",
            "Could you modify the bad comment for us? 删除差评",
        ],
        "near_miss": [
            "We have updated the product page after reading the reviews.",
            "Please review the updated instructions attached to this message.",
            "Your feedback helps us improve our products.",
            "We will remove the damaged part from future shipments.",
            "We have changed the carrier for your replacement.",
            "Thank you for updating us about the delivery.",
        ],
    },
    "review.scripted": {
        "canonical": [
            "Please leave a review on Amazon. It would help if you mentioned how quiet the motor is.",
            "In your review, please mention our fast shipping.",
            "When you write your review, please say that the fabric is soft.",
        ],
        "word_forms": [
            "When reviewing, mentioning the long battery life would help.",
            "Please leave a review, highlighting how easy the setup was.",
            "In the review, please be sure to describe how sturdy it is.",
        ],
        "passive": [
            "In your review, it would be great if the quick delivery was mentioned.",
            "Please leave a review; the soft fabric should be highlighted.",
            "In your feedback, the fast shipping could be mentioned.",
        ],
        "word_order": [
            "How quiet the motor is, please mention in your review.",
            "Our fast delivery, please highlight it in your feedback.",
            "Please say the fabric is soft when you leave your review.",
        ],
        "split": [
            "We'd love a review on Amazon. Please mention how quiet the motor is.",
            "Please share your review. Be sure to highlight the fast delivery.",
            "Could you write a review? Please say that the charger works perfectly.",
        ],
        "british": [
            "In your review, please mention the lovely colour.",
            "Please emphasise the quality of our packaging in your review.",
            "When you review, please mention that it is the best organiser you have used.",
        ],
        "modifiers": [
            "In your review, please briefly mention our very fast shipping.",
            "Please leave a review and definitely mention the extra-long cable.",
            "In your review, please clearly mention how quiet the fan is.",
        ],
        "padding": [
            "If you have time to write a review, we would be grateful if you could mention our fast shipping.",
            "When you leave your review, it would really help us if you kindly mentioned the soft fabric.",
            "Please leave a review, and if it's no trouble, do mention how quiet the motor is.",
        ],
        "chinese_english": [
            "Kindly write review and mention our product quality is very good.",
            "Please give feedback and say our service is very good.",
            "When you write review, please mention fast delivery, thank you.",
        ],
        "near_miss": [
            "Please mention your order number when you reply to this message.",
            "In your reply, please describe the damage so we can help.",
            "Please leave a review on Amazon about your experience.",
            "Please say which colour you would like for the replacement.",
            "We mentioned the delay in our last message.",
            "Please describe the noise the motor makes so our technician can help.",
        ],
    },
    "promo.marketing": {
        "canonical": [
            "Follow us on Instagram to see our new arrivals!",
            "Check out our other products in our Amazon store.",
            "Our Black Friday sale starts next week with big savings.",
            "You may also like our matching pillow covers.",
        ],
        "word_forms": [
            "We are launching a new collection for spring, so stay tuned.",
            "Browsing our store, you will find many other products.",
            "Our summer collection has just arrived.",
        ],
        "passive": [
            "Our new collection will be launched next month.",
            "More products can be found in our Amazon store.",
            "Great deals are offered in our store this weekend.",
        ],
        "word_order": [
            "Our other products you can find in our Amazon store.",
            "New arrivals for winter, check them out in our store!",
            "On Instagram, follow us for news.",
        ],
        "split": [
            "We have many other products. Check them out in our Amazon store.",
            "Our spring collection is out. Take a look at our store.",
            "We run a newsletter. Sign up to hear about new products.",
        ],
        "british": [
            "Have a look at our new colour range in our shop.",
            "Our autumn collection is now available in our store.",
            "Discover our favourite accessories in our shop.",
        ],
        "modifiers": [
            "Check out our many other great products in our store.",
            "Don't miss our huge Black Friday sale next week!",
            "Follow us on Instagram today for new arrivals.",
        ],
        "padding": [
            "If you have a moment, we'd be delighted if you visited our store to see our other products.",
            "We would be so happy if you followed us on Instagram.",
            "When you get the chance, please have a look at our new arrivals.",
        ],
        "chinese_english": [
            "Welcome to visit our store for more products.",
            "Please pay attention to our store, many new products coming soon.",
            "Our shop have many other good products, welcome to check.",
        ],
        "near_miss": [
            "The new arrival date is Friday.",
            "The total includes sales tax of $4.20.",
            "We sent a new product to replace the damaged one.",
            "The replacement will arrive in our new packaging.",
            "Please check the manual for the cleaning steps.",
            "You can track the parcel on the carrier's website.",
        ],
    },
    "promo.coupon": {
        "canonical": [
            "Save 10% on your next order with code HYDRO10.",
            "Here is a coupon for your next purchase.",
            "Use the promo code SPRING15 at checkout.",
        ],
        "word_forms": [
            "Redeeming this voucher gives you 15% off.",
            "We attached two coupons for future orders.",
            "Your discount codes are listed below.",
        ],
        "passive": [
            "A 20% discount will be applied to your next order.",
            "A coupon has been added for your next purchase.",
            "The code SAVE20 can be used at checkout.",
        ],
        "word_order": [
            "With code HYDRO10, save 10% next time.",
            "For your next purchase, here is a voucher.",
            "15% off your next order you get with this coupon.",
        ],
        "split": [
            "We have a small gift for you. Use code THANKS10 on your next order.",
            "Want to save on your next purchase? Here is a coupon.",
            "Thanks for shopping with us. Enjoy 10% off your next order.",
        ],
        "british": [
            "Here is a voucher worth £5 for your next purchase.",
            "Use the discount code CARDIFF10 on your next order.",
            "Enjoy 15% off your next order with our favourite customers' voucher.",
        ],
        "modifiers": [
            "Save an extra 10% on your very next order with code HYDRO10.",
            "Here is an exclusive coupon just for you.",
            "Use the special promo code SPRING15 today.",
        ],
        "padding": [
            "As a small thank-you, we'd be happy to give you a coupon for your next purchase.",
            "If you'd like, you can use code THANKS10 for 10% off next time.",
            "We hope you don't mind us including a voucher for your next order.",
        ],
        "chinese_english": [
            "We give you coupon for next order, 10% off.",
            "Please use the discount code SAVE20, very good price.",
            "Here is coupon code for you. 优惠券",
        ],
        "near_miss": [
            "We have issued a partial refund of $9.50 for the missing caps.",
            "The error code E4 means the filter is blocked.",
            "Please enter your postal code on the return form.",
            "The model code is printed under the base.",
            "Your refund of 20% has been processed.",
            "The tracking code is 1Z999AA10123456784.",
        ],
    },
    "order.cancel-request": {
        "canonical": [
            "Please open Your Orders and use the Request Cancellation button.",
            "The rack is out of stock. Please cancel the order yourself.",
            "Could you cancel the order from your side?",
            "You will need to request a cancellation in your account.",
        ],
        "word_forms": [
            "We would appreciate you cancelling the order.",
            "Cancelling the order on your end would be best.",
            "Would you mind requesting the cancellation?",
        ],
        "passive": [
            "The order needs to be cancelled by you in Your Orders.",
            "The cancellation should be requested from your account.",
            "Could the order be cancelled on your side, please?",
        ],
        "word_order": [
            "In Your Orders, please cancel it.",
            "The order, could you cancel it on your side?",
            "To cancel, please use the button in Your Orders.",
        ],
        "split": [
            "The item is out of stock. Could you cancel it from your account?",
            "We can't ship the lamp. Please request cancellation in Your Orders.",
            "Sorry, the blanket is sold out. You can cancel the order in your account.",
        ],
        "british": [
            "Could you kindly cancel the order, as we have run out of the grey colour?",
            "Please cancel your order via your account, we apologise.",
            "We'd be grateful if you cancelled the order yourself.",
        ],
        "modifiers": [
            "Please quickly cancel the order yourself in Your Orders.",
            "Could you simply cancel the whole order from your side?",
            "Please cancel order 113-1234567-1234567 today.",
        ],
        "padding": [
            "We are so sorry, but would you be kind enough to cancel the order on your side?",
            "If it's not too much trouble, please request the cancellation in Your Orders.",
            "We hate to ask, but could you please cancel the order yourself?",
        ],
        "chinese_english": [
            "Kindly help to cancel the order by yourself, sorry for out of stock.",
            "Please apply cancel order from your side, thanks.",
            "Could you help us cancel this order? 取消订单",
        ],
        "near_miss": [
            "We have cancelled your order and refunded you in full.",
            "The rack is out of stock, so we will cancel the order and refund you.",
            "Please let us know if you want us to cancel the order.",
            "Your order was cancelled and the refund is on its way.",
            "We had to cancel the second parcel because of an address error.",
            "We will cancel the order for you today.",
        ],
    },
    "order.discourage-return": {
        "canonical": [
            "Please do not return it! Returns are very expensive for a small seller.",
            "A return would really hurt our small business.",
            "Please don't open a return request; contact us instead.",
        ],
        "word_forms": [
            "We beg you not to return the item.",
            "Returning it would hurt our shop a lot.",
            "Refunds are hurting our small business badly.",
        ],
        "passive": [
            "We would be harmed badly if the item were returned.",
            "Our seller account is damaged by every return.",
            "Please, no refund should be requested on Amazon.",
        ],
        "word_order": [
            "A return, please don't request it.",
            "For a small seller like us, returns are very costly.",
            "The refund request, could you please close it?",
        ],
        "split": [
            "Please think again. Please do not send the item back.",
            "We are a small company. Returns hurt us a lot.",
            "We saw your return request. Could you close it?",
        ],
        "british": [
            "Please do not return the item, it would harm our small business.",
            "Returns are very costly for us, so please don't send it back.",
            "Please could you withdraw your return request?",
        ],
        "modifiers": [
            "Please really do not return it.",
            "A return would badly hurt our tiny business.",
            "Please do not ever open a return case.",
        ],
        "padding": [
            "We would be so grateful if you could please not return the item.",
            "If possible, we kindly ask you not to request a refund.",
            "We really hope you understand that returns are very expensive for us.",
        ],
        "chinese_english": [
            "Please don't return, return is very expensive for us.",
            "Kindly not to open the refund request, we will solve.",
            "Please not return the goods, it will hurt our store.",
        ],
        "near_miss": [
            "You can return the table for a full refund, or keep it with a partial refund of $25.",
            "You don't need to return the damaged lamp; a replacement is on the way.",
            "Please keep the broken one, there is no need to return it.",
            "To return the item, please use the label in Your Orders.",
            "Your refund was issued today.",
            "Returns are accepted within 30 days of delivery.",
        ],
    },
    "link.opt-out": {
        "canonical": [
            "If you do not want to receive further messages from us, reply STOP.",
            "To unsubscribe from these emails, click here.",
            "You can opt out of our messages at any time.",
        ],
        "word_forms": [
            "Opting out of these messages is easy: just reply STOP.",
            "Unsubscribing takes one click.",
            "If you'd prefer not to receive messages, let us know and we'll remove you from our list.",
        ],
        "passive": [
            "You can be removed from our mailing list at any time.",
            "Your email will be removed from our list if you reply STOP.",
            "Further messages can be stopped by replying STOP.",
        ],
        "word_order": [
            "Reply STOP to stop these messages.",
            "At any time you can unsubscribe.",
            "From our list you can be removed on request.",
        ],
        "split": [
            "Don't want these messages? Reply STOP.",
            "We respect your inbox. Unsubscribe any time.",
            "Too many emails? You can opt out here.",
        ],
        "british": [
            "If you'd prefer not to receive further messages, reply STOP to unsubscribe.",
            "To opt out of our communications, please reply with STOP.",
            "You can unsubscribe from our newsletter at any time.",
        ],
        "modifiers": [
            "You can easily unsubscribe at any time.",
            "Simply reply STOP to opt out.",
            "If you no longer wish to receive our emails, just let us know.",
        ],
        "padding": [
            "If you would kindly prefer not to hear from us, please feel free to unsubscribe.",
            "We completely understand if you'd like to opt out of these messages.",
            "Should you wish, you are always welcome to unsubscribe.",
        ],
        "chinese_english": [
            "If you not want receive our message, please reply STOP.",
            "If you don't like receive email, you can unsubscribe.",
            "Reply TD to 退订 our messages.",
        ],
        "near_miss": [
            "The charger stops charging automatically when the battery is full.",
            "Please reply to this message with a photo of the label.",
            "We will stop the shipment and send a refund.",
            "You can remove the filter by turning it to the left.",
            "The subscription to Prime is managed by Amazon.",
            "Please let us know if you want a replacement.",
        ],
    },
    "content.auto-reply": {
        "canonical": [
            "Automatic reply: our team is out of the office until Monday.",
            "This is an automated message. We will reply within 24 hours.",
            "Thank you for your message. Our office is closed for the holidays and we will reply when we return on 3 January.",
        ],
        "word_forms": [
            "This reply was generated automatically.",
            "Auto-response: we are away until Monday and will answer your message then.",
            "We're currently away from the office and will respond on Tuesday.",
        ],
        "passive": [
            "This message was sent automatically; your email will be answered on Monday.",
            "Your message has been received and will be answered when our office reopens.",
            "This response was generated automatically.",
        ],
        "word_order": [
            "Until Monday, our team is out of the office.",
            "On holiday until 5 August, we will reply to messages after that.",
            "Out of office: back on Monday.",
        ],
        "split": [
            "Thank you for your email. We are on holiday. We will reply to your message next week.",
            "Hello. Our office is closed. We will respond to messages on Monday.",
            "This is an automatic reply. We will get back to you soon.",
        ],
        "british": [
            "Automatic reply: our office is closed for the bank holiday; we will reply on Tuesday.",
            "We are away on annual leave until Monday and will reply to emails on our return.",
            "Out of office: we are closed for the holidays and will respond in the new year.",
        ],
        "modifiers": [
            "Automatic reply: our whole team is out of the office until next Monday.",
            "This is just an automated message.",
            "We are currently out of the office for two weeks.",
        ],
        "padding": [
            "Thank you so much for reaching out! Please note this is an automatic reply, and we will get back to you very soon.",
            "We truly appreciate your message. We are out of the office at the moment.",
            "Kindly note that this is an automated response.",
        ],
        "chinese_english": [
            "Auto reply: we are in holiday now, will reply you after holiday.",
            "This is auto message, we will reply you soon.",
            "Our office is closed for Chinese New Year, we will reply your message later. 自动回复",
        ],
        "near_miss": [
            "Our warehouse is closed on Sunday, so the parcel ships on Monday.",
            "The timer switches the lamp off automatically after 8 hours.",
            "We will reply with the tracking number once the parcel ships.",
            "The carrier was closed for the holiday, so delivery moved to Tuesday.",
            "The replacement is sent automatically by our system when the claim is approved.",
            "Your order will be delivered on Monday because of the public holiday.",
        ],
    },
    "order.confirmation": {
        "canonical": [
            "Your order 114-5582019-3306627 has shipped today. Here is your tracking number: 1Z8V47W20392817465.",
            "Good news! Your parcel is on its way.",
            "We have dispatched your order. Thank you for shopping with us.",
        ],
        "word_forms": [
            "We are shipping your order today.",
            "Your package was handed over to the carrier this morning.",
            "We shipped your items this morning.",
        ],
        "passive": [
            "Your order has been dispatched.",
            "Your parcel has been sent out today.",
            "Your purchase was confirmed and has been shipped.",
        ],
        "word_order": [
            "Shipped today: your order 114-5582019-3306627.",
            "On its way to you is your order.",
            "Today your parcel left our warehouse.",
        ],
        "split": [
            "Thank you for your order. It has shipped today.",
            "Great news. Your parcel is on the way.",
            "We received your order. It was dispatched this morning.",
        ],
        "british": [
            "Your parcel has been dispatched by Royal Mail.",
            "We're pleased to confirm that your order has been dispatched.",
            "Your order has been processed and dispatched today.",
        ],
        "modifiers": [
            "Your order has just shipped today.",
            "Your parcel is already on its way to you.",
            "We have quickly dispatched your whole order.",
        ],
        "padding": [
            "We are delighted to let you know that your order has shipped.",
            "We just wanted to quickly let you know that your parcel is on its way.",
            "Thank you so much! We are happy to tell you that your package has been dispatched.",
        ],
        "chinese_english": [
            "Your order already shipped, please wait patiently.",
            "We have send out your package today, thank you.",
            "Your goods is on the way now. 已发货",
        ],
        "near_miss": [
            "Your order has shipped, but it is delayed at customs; the new arrival date is Friday.",
            "Your parcel is on its way; please reply with a convenient delivery time.",
            "The new arrival date is Friday.",
            "Your order shipped without the charger; we are sending it separately.",
            "Your replacement has shipped because the first lamp arrived broken.",
            "We shipped your order, but the carrier lost it; a new one leaves today.",
        ],
    },
    "content.thanks-only": {
        "canonical": [
            "Thank you so much for your purchase! We hope you enjoy it.",
            "Thanks for choosing us. Let us know if you have any questions.",
            "We truly appreciate your order. Have a wonderful day!",
        ],
        "word_forms": [
            "Thanks a lot for shopping with us! Enjoy your new lamp.",
            "We're thankful for your order and hope it serves you well.",
            "Thanking you for your business, we wish you a great week.",
        ],
        "passive": [
            "Your order is greatly appreciated. We hope it is enjoyed by the whole family.",
            "Your purchase is much appreciated!",
            "Your support is truly appreciated by our small team.",
        ],
        "word_order": [
            "For your purchase, thank you so much!",
            "Enjoy your new blender, and thank you for your order.",
            "Any questions? Just let us know. Thanks for your order!",
        ],
        "split": [
            "Thank you for your order. We hope you love it. Have a nice day.",
            "Thanks! We hope you enjoy the lamp.",
            "Thank you. We appreciate your business.",
        ],
        "british": [
            "Thank you for your order, we hope you love the colour.",
            "Many thanks for your purchase, we hope you have a lovely weekend.",
            "Cheers for your order! We hope it's your new favourite.",
        ],
        "modifiers": [
            "Thank you very much for your recent purchase!",
            "We really, truly appreciate your order.",
            "Thanks again for choosing our small family shop!",
        ],
        "padding": [
            "We just wanted to take a moment to say thank you so much for your order.",
            "We would like to sincerely thank you for your purchase, and we hope you enjoy it.",
            "Please allow us to thank you for your kind support.",
        ],
        "chinese_english": [
            "Thanks for your support, wish you have a nice day.",
            "Thank you for buy our product, hope you like it.",
            "Very thank you for your order, any question please contact us.",
        ],
        "near_miss": [
            "Thank you for your feedback; we have refunded $15.",
            "Thank you for your order. Your blanket is delayed by two days.",
            "Thanks for your purchase. Please find the user manual attached.",
            "Thank you for your order. Could you confirm the engraving text?",
            "Thank you for your patience; the replacement left our warehouse today.",
            "Thank you for your order. The new arrival date is Friday.",
        ],
    },
}
